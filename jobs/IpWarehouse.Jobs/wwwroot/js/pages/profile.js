// 地区概况 (我县/我市): one region's year at a glance (ipwh profile, /api/profile): every indicator with its value,
// the change from last year, its rank among the parent's regions, the parent's own value, its target and where
// the target stands, and a small trend. The landing page when console.homeRegion is set. Printable.
import { append, el } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Labels from '../core/labels.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { spark } from '../core/spark.js';
import { heading, printButton, explainValue, answer } from '../core/page.js';
import { defaultRegion } from './trend.js';

function better(row, delta) {
  if (delta === null || delta === undefined || delta === 0) return '';
  return (delta > 0) === (row.direction !== '-') ? 'good' : 'bad';
}

export default {
  async render(view, ctx) {
    const meta = ctx.meta;
    const p = Object.assign({ region: defaultRegion(ctx), year: Filters.defaultYear(meta) }, ctx.params);
    const region = Filters.region(meta, p.region);
    const name = region?.name || p.region;
    const mine = ctx.home && ctx.home.code === p.region;
    append(view,
      heading(`${mine ? (region?.level === 'county' ? '我县' : region?.level === 'city' ? '我市' : '本地区') + '：' : ''}${name} ${p.year} 年知识产权指标概况`),
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'region', label: '地区', options: Filters.regionOptions(meta) },
        { name: 'year', label: '年度', options: Filters.yearOptions(meta, p.year) },
      ], links('/api/profile', { region: p.region, year: p.year }), printButton()));
    const rows = await answer(view, '/api/profile', { region: p.region, year: p.year });
    if (!rows) return;
    const parentName = rows[0]?.parent_name;
    const ranked = rows.filter(r => r.rank !== null);
    const firsts = ranked.filter(r => r.rank === 1).length;
    const above = rows.filter(r => r.above_parent === true).length;
    const targets = rows.filter(r => r.target_status);
    const statusCounts = Object.keys(Labels.targetStatus).map(s => [s, targets.filter(r => r.target_status === s).length]).filter(([, n]) => n > 0);
    append(view, el('div', { class: 'cards' },
      el('div', { class: 'card' }, el('span', { class: 'count' }, String(rows.filter(r => r.value !== null).length)), '项指标有数值'),
      parentName ? el('div', { class: 'card' }, el('span', { class: 'count' }, String(firsts)), `项在${parentName}排名第一`) : null,
      parentName ? el('div', { class: 'card' }, el('span', { class: 'count' }, String(above)), `项高于${parentName}本级值`) : null,
      el('div', { class: 'card' }, el('span', { class: 'count' }, String(targets.length)), '项有年度目标',
        statusCounts.length ? el('div', {}, statusCounts.map(([s, n]) => el('span', { class: `status ${s}` }, `${Labels.targetStatus[s]} ${n}`))) : null)));
    const years = rows[0]?.trend.map(t => t.year) || [];
    append(view, el('p', { class: 'caption' },
      (parentName ? `名次为在${parentName}各${Filters.levelName(region?.level)}中的排名（并列同名次），箭头为与上年名次相比。` : '') +
      `比上年的颜色按指标方向：绿色为向好，红色为变差。走势为 ${years[0] ?? ''}–${years[years.length - 1] ?? ''} 年。点击数值查看数据来源，点击指标名查看历年走势。`));
    append(view, dataTable({
      rows, sortable: true,
      columns: [
        { key: 'indicator_name', label: '指标', render: r => el('a', { href: ctx.link('trend', { indicator: r.indicator, region: p.region }), title: '历年走势' }, r.indicator_name) },
        { key: 'value', label: '数值', num: true, render: r => explainValue(r.value, r.unit, Fmt.separatingDigits([r.value, r.parent_value].filter(v => v !== null), Number.isInteger(r.value) ? 0 : 2), r.indicator, p.year, p.region) },
        { key: 'change', label: '比上年', num: true, render: r => el('span', { class: better(r, r.change) },
          Fmt.signed(r.change, null, Number.isInteger(r.change ?? 0) ? 0 : 2)) },
        { key: 'rank', label: '名次', num: true, render: r => (r.rank === null ? '—' : [`${r.rank} / ${r.ranked}`,
          r.previous_rank && r.previous_rank !== r.rank ? el('span', { class: r.previous_rank > r.rank ? 'good' : 'bad' }, r.previous_rank > r.rank ? ` ↑${r.previous_rank - r.rank}` : ` ↓${r.rank - r.previous_rank}`) : null]) },
        { key: 'parent_value', label: `${parentName || '上级'}本级值`, num: true, render: r => Fmt.number(r.parent_value, null, Number.isInteger(r.parent_value ?? 0) ? 0 : 2) },
        { key: 'target', label: '目标', sortable: false, render: r => Labels.target(r.target_comparator, r.target_value, v => Fmt.number(v, r.unit)) },
        { key: 'target_status', label: '目标状态', render: r => (r.target_status ? el('span', { class: `status ${r.target_status}` }, Labels.targetStatus[r.target_status]) : '—') },
        { key: 'trend', label: '走势', sortable: false, render: r => spark(r.trend.map(t => t.value), { label: `${r.indicator_name}走势` }) },
      ],
    }));
  },
};
