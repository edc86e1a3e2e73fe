// 趋势: one region's indicator over the years with data (ipwh trend, /api/trend): its value beside its parent's
// own value and its target, and its rank among the parent's regions year by year.
import { append, el } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Labels from '../core/labels.js';
import * as Chart from '../core/chart.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, explainValue, digitsFor, answer } from '../core/page.js';

export function defaultRegion(ctx) {
  if (ctx.home && !ctx.home.missing) return ctx.home.code;
  return (ctx.meta.regions.find(r => r.level === 'city') || ctx.meta.regions[0])?.code || '';
}

// The target line: the target as written, or the parent's value for ">parent_avg".
export function targetOf(row) {
  if (!row.target_comparator) return null;
  return row.target_comparator === '>parent_avg' ? row.parent_value : row.target_value;
}

export default {
  async render(view, ctx) {
    const charts = Chart.load(); // fetched while the data is asked for
    const meta = ctx.meta;
    const p = Object.assign({ indicator: 'valid_invention_per_10k', region: defaultRegion(ctx) }, ctx.params);
    const indicator = Filters.indicator(meta, p.indicator);
    const name = Filters.regionName(meta, p.region);
    const query = { indicator: p.indicator, region: p.region };
    append(view,
      heading(`${name}${indicator.name}历年走势`),
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'indicator', label: '指标', options: Filters.indicatorOptions(meta) },
        { name: 'region', label: '地区', options: Filters.regionOptions(meta) },
      ], links('/api/trend', query), printButton()));
    const rows = await answer(view, '/api/trend', query);
    if (!rows) return;
    const digits = digitsFor(rows.flatMap(r => [r.value, r.parent_value]));
    const years = rows.map(r => r.year);
    const parentName = rows[0]?.parent_name;
    const hasTarget = rows.some(r => r.target_comparator);
    append(view, el('p', { class: 'caption' },
      `${rows.length} 个有数据的年度（${years[0]}–${years[years.length - 1]} 年）。` +
      (parentName ? `排名为在${parentName}各${Filters.levelName(Filters.region(meta, p.region)?.level)}中的名次。` : '') +
      (hasTarget ? '目标线为当年目标值；“高于上级”的目标以上级本级值为线。' : '该地区此指标没有目标。')));

    const values = el('div', { class: 'chart', role: 'img', 'aria-label': `${name}${indicator.name}走势图` });
    const ranks = el('div', { class: 'chart small', role: 'img', 'aria-label': `${name}名次走势图` });
    append(view, values, parentName ? ranks : null);
    await charts;
    Chart.lines(values, {
      title: `${indicator.name}（${indicator.unit}）`, years, unit: indicator.unit, digits,
      series: [
        { name, values: rows.map(r => r.value), color: Chart.colors.bar },
        parentName ? { name: `${parentName}本级值`, values: rows.map(r => r.parent_value), color: Chart.colors.parent, dashed: true } : null,
        hasTarget ? { name: '目标', values: rows.map(targetOf), color: Chart.colors.target, dashed: true, step: true } : null,
      ].filter(Boolean),
    });
    values.dataset.points = String(rows.length);
    if (parentName) {
      Chart.lines(ranks, {
        title: `在${parentName}内的名次（越靠上越好）`, years, digits: 0, inverse: true, minInterval: 1, format: v => `第 ${v} 名`,
        series: [{ name: '名次', values: rows.map(r => r.rank), color: Chart.colors.home }],
      });
    }
    append(view, dataTable({
      rows, sortable: false,
      columns: [
        { key: 'year', label: '年度', render: r => `${r.year} 年` },
        { key: 'value', label: `${name}（${indicator.unit}）`, num: true, render: r => explainValue(r.value, null, digits, p.indicator, r.year, p.region) },
        { key: 'parent_value', label: `${parentName || '上级'}本级值`, num: true, render: r => Fmt.number(r.parent_value, null, digits) },
        { key: 'rank', label: '名次', num: true, render: r => (r.rank ? `${r.rank} / ${r.ranked}` : '—') },
        { key: 'target', label: '目标', render: r => Labels.target(r.target_comparator, r.target_value, v => Fmt.number(v, indicator.unit, digits)) },
      ],
    }));
  },
};
