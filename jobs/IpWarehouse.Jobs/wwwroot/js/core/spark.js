// A small trend drawn as an inline SVG line (a profile shows 29 of them: no chart library needed).
export function spark(values, { width = 110, height = 28, color = '#1f5fa8', label = '' } = {}) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const present = values.filter(v => v !== null && v !== undefined);
  if (present.length === 0) return svg;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const x = i => (values.length === 1 ? width / 2 : 3 + (i * (width - 6)) / (values.length - 1));
  const y = v => (max === min ? height / 2 : height - 3 - ((v - min) * (height - 6)) / (max - min));
  const points = values.map((v, i) => (v === null || v === undefined ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', points.join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', color);
  line.setAttribute('stroke-width', '1.5');
  svg.append(line);
  const last = values.length - 1;
  if (values[last] !== null && values[last] !== undefined) {
    const dot = document.createElementNS(ns, 'circle');
    dot.setAttribute('cx', x(last));
    dot.setAttribute('cy', y(values[last]));
    dot.setAttribute('r', '2.5');
    dot.setAttribute('fill', color);
    svg.append(dot);
  }
  return svg;
}
