// Numbers, dates and durations as a Chinese reader expects them.
let timeZone;

export function setTimeZone(zone) { timeZone = zone; }

// A value with its unit; `digits` decimals when given, else none for whole numbers and two otherwise.
export function number(value, unit, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const d = digits ?? (Number.isInteger(value) ? 0 : 2);
  const text = Number(value).toLocaleString('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d });
  return unit ? `${text} ${unit}` : text;
}

// The decimals that tell neighbouring values apart: at least `base`, more while two different values would
// print the same (2.853 and 2.849 are both "2.85" with two), at most six. Equal values stay equal: a tie.
export function separatingDigits(values, base) {
  const sorted = values.filter(v => v !== null && v !== undefined).sort((a, b) => a - b);
  let digits = base;
  const same = d => sorted.some((v, i) => i > 0 && v !== sorted[i - 1] && v.toFixed(d) === sorted[i - 1].toFixed(d));
  while (digits < 6 && same(digits)) digits++;
  return digits;
}

// The decimals an indicator is shown with by default: none for counts, two for rates, shares and per-capita values.
export function baseDigits(indicator, values) {
  return values.every(v => v === null || v === undefined || Number.isInteger(v)) ? 0 : 2;
}

export function signed(value, unit, digits) {
  if (value === null || value === undefined) return '—';
  return (value > 0 ? '+' : value < 0 ? '−' : '±') + number(Math.abs(value), unit, digits);
}

export function dateTime(text) {
  if (!text) return '—';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toLocaleString('zh-CN', { hour12: false, timeZone });
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  if (seconds < 60) return `${seconds.toFixed(1)} 秒`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} 分 ${Math.round(seconds - minutes * 60)} 秒`;
}

export function hours(value) {
  return value === null || value === undefined ? '—' : `${number(value, null, value < 10 ? 1 : 0)} 小时`;
}
