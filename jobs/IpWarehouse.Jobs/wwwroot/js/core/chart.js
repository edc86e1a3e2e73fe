// ECharts (6, copied from npm at build time) for every chart of the console: bars that turn horizontal for long
// rankings, lines for trends, choropleth maps. Charts follow the window's size and are disposed with their page.
/* global echarts */
import { number } from './format.js';

const live = new Set();
let loading = null;

// ECharts (1.1 MB) is read only by the pages that draw: the others open without parsing it.
export function load() {
  if (typeof echarts !== 'undefined') return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'lib/echarts.min.js';
    script.onload = resolve;
    script.onerror = () => { loading = null; reject(new Error('图表库 lib/echarts.min.js 无法加载：请刷新页面重试。')); };
    document.head.append(script);
  });
  loading.catch(() => {}); // a page that returns early (its data failed) never awaits it: no unhandled rejection
  return loading;
}
const colors = { bar: '#1f5fa8', home: '#d35400', parent: '#c0392b', target: '#1e8449', muted: '#9aa5b1' };
export { colors };

window.addEventListener('resize', () => live.forEach(c => c.resize()));
// The printout is narrower than the screen: redraw at the print width, and back afterwards.
window.addEventListener('beforeprint', () => live.forEach(c => c.resize()));
window.addEventListener('afterprint', () => live.forEach(c => c.resize()));

export function disposeAll() {
  live.forEach(c => c.dispose());
  live.clear();
}

export function create(container) {
  if (typeof echarts === 'undefined') return null;
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  live.add(chart);
  return chart;
}

// A ranking's bars, best first. More than 20 regions: horizontal bars, one line per region, so that every
// name stays readable (88 counties overlap as rotated labels). The parent's own value is a dashed line.
export function rankingBars(container, { title, names, values, unit, digits, homeIndex, parentValue, parentLabel }) {
  const horizontal = names.length > 20;
  container.style.height = horizontal ? `${Math.max(380, names.length * 22 + 90)}px` : '380px';
  container.dataset.bars = String(names.length);
  container.dataset.orientation = horizontal ? 'horizontal' : 'vertical';
  const chart = create(container);
  if (!chart) return null;
  const data = values.map((v, i) => ({ value: v, itemStyle: { color: i === homeIndex ? colors.home : colors.bar } }));
  const line = parentValue === null || parentValue === undefined ? undefined : {
    symbol: 'none', silent: true, lineStyle: { color: colors.parent, type: 'dashed' },
    label: { position: horizontal ? 'insideEndBottom' : 'insideEndTop', formatter: `${parentLabel} ${number(parentValue, unit, digits)}` },
    data: [horizontal ? { xAxis: parentValue } : { yAxis: parentValue }],
  };
  const category = { type: 'category', data: names, inverse: horizontal,
    axisLabel: horizontal ? { interval: 0, fontSize: 12 } : { rotate: names.length > 8 ? 35 : 0, interval: 0 } };
  const amount = { type: 'value', name: unit, axisLabel: { formatter: v => number(v, null, Number.isInteger(v) ? 0 : undefined) } };
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => number(v, unit, digits) },
    grid: horizontal ? { left: 10, right: 70, top: 40, bottom: 30, containLabel: true } : { left: 10, right: 30, top: 45, bottom: 10, containLabel: true },
    xAxis: horizontal ? amount : category,
    yAxis: horizontal ? category : amount,
    series: [{ type: 'bar', data, markLine: line, label: horizontal ? { show: true, position: 'right', formatter: p => number(p.value, null, digits) } : undefined }],
  });
  return chart;
}

// Lines over years: series [{ name, values, color, dashed, step }]; `inverse` for ranks (1 on top).
export function lines(container, { title, years, series, unit, digits, inverse = false, minInterval, format }) {
  const chart = create(container);
  if (!chart) return null;
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: v => (v === null || v === undefined ? '—' : format ? format(v) : number(v, unit, digits)) },
    legend: { bottom: 0 },
    grid: { left: 10, right: 30, top: 45, bottom: 35, containLabel: true },
    xAxis: { type: 'category', data: years.map(y => `${y} 年`), boundaryGap: false },
    yAxis: { type: 'value', name: unit || '', inverse, minInterval, min: inverse ? 1 : undefined },
    series: series.map(s => ({
      name: s.name, type: 'line', data: s.values, connectNulls: false, symbolSize: 7,
      step: s.step ? 'middle' : undefined,
      lineStyle: { color: s.color, type: s.dashed ? 'dashed' : 'solid', width: 2 }, itemStyle: { color: s.color },
    })),
  });
  return chart;
}

// An evaluation index's dimensions for one region: a radar of its sub-scores (0..max) beside the peer group's mean.
export function radar(container, { title, dimensions, values, mean, max }) {
  container.style.height = '260px';
  const chart = create(container);
  if (!chart) return null;
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, data: ['得分', '同级平均'] },
    radar: { indicator: dimensions.map(name => ({ name, max })), radius: '58%', center: ['50%', '52%'] },
    series: [{
      type: 'radar',
      data: [
        { name: '得分', value: values, itemStyle: { color: colors.home }, areaStyle: { opacity: 0.15 } },
        { name: '同级平均', value: mean, itemStyle: { color: colors.muted }, lineStyle: { type: 'dashed' } },
      ],
    }],
  });
  return chart;
}
