// 排名: the regions under a parent region ranked on one indicator (ipwh rank, /api/rank), as bars and a table,
// with the parent's own value and last year's rank. More than 20 regions draw as horizontal bars. A 起始年份 ranks
// a range of whole years (fromYear/toYear: flows summed, stocks at the end, rates from the totals).
import { append, el, notice } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Chart from '../core/chart.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, homeRow, regionLabel, explainValue, nothingToCompare, digitsFor, answer } from '../core/page.js';

export function defaultWithin(ctx) {
  const home = ctx.home && !ctx.home.missing ? ctx.home : null;
  if (home) return home.level === 'county' || home.level === 'city' ? home.parent_code : home.code;
  return ctx.meta.regions.find(r => r.level === 'province')?.code || '';
}

// The parameters of a ranking and of its map, with their defaults: the home region's parent, the latest year.
export function rankingParams(ctx) {
  const meta = ctx.meta;
  const p = Object.assign({ indicator: 'valid_invention_per_10k', year: Filters.defaultYear(meta), within: defaultWithin(ctx) }, ctx.params);
  return { meta, p, parent: Filters.region(meta, p.within), indicator: Filters.indicator(meta, p.indicator) };
}

export default {
  async render(view, ctx) {
    const charts = Chart.load(); // fetched while the data is asked for
    const { meta, p, parent, indicator } = rankingParams(ctx);
    const from = p.fromYear && Number(p.fromYear) < Number(p.year) ? p.fromYear : null; // a range of whole years ending in year
    const period = from ? `${from}—${p.year} 年` : p.asOf ? `${p.year} 年（截至 ${p.asOf}）` : `${p.year} 年`;
    const query = from
      ? { indicator: p.indicator, fromYear: from, toYear: p.year, within: p.within, level: p.level }
      : { indicator: p.indicator, year: p.year, within: p.within, level: p.level, asOf: p.asOf };
    const earlier = (meta.data_years || []).filter(y => y < Number(p.year)).reverse().map(y => ({ value: y, label: `${y} 年起` }));
    append(view,
      heading(`${parent?.name || p.within} ${period}${indicator.name}排名`),
      Filters.filterBar({ ...ctx, params: p }, [
        ...Filters.rankingFields(meta, p, parent),
        { name: 'fromYear', label: '起始年份', options: [{ value: '', label: '仅所选年度' }].concat(earlier) },
        from ? null : { name: 'asOf', label: '截至日期', type: 'date', title: '留空为全年' },
      ].filter(Boolean), links('/api/rank', query), printButton()));

    const rows = await answer(view, '/api/rank', query);
    if (!rows) return;
    const values = rows.map(r => r.value);
    if (nothingToCompare(values)) {
      append(view, notice(`${parent?.name || ''}各地区 ${period}的${indicator.name}都是 0 或无数值：没有可比较的数据。请选择其他年度或指标。`));
      return;
    }
    const digits = digitsFor(values);
    const ranked = rows.filter(r => r.value !== null && r.value !== undefined);
    const parentValue = rows.find(r => r.parent_value !== undefined)?.parent_value ?? null;
    const ties = ranked.some((r, i) => i > 0 && r.rank === ranked[i - 1].rank);
    append(view, el('p', { class: 'caption' },
      `${ranked.length} 个地区参与排名` +
      (parentValue === null ? '' : `，${parent?.name || ''}本级值 ${Fmt.number(parentValue, indicator.unit, digits)}（由其总量计算）`) +
      (from ? `。${period}合计：流量为各年合计，存量为 ${p.year} 年末数，比率由合计计算；名次变化与之前同样长度的时段比较` : '') +
      `。数值显示 ${digits} 位小数，足以区分相邻地区；` + (ties ? '数值完全相同者名次并列，按地区代码列出。' : '名次相同表示数值完全相同。') +
      '点击数值可查看数据来源。'));

    const chart = el('div', { class: 'chart', role: 'img', 'aria-label': `${indicator.name}排名柱状图` });
    append(view, chart);
    await charts;
    Chart.rankingBars(chart, {
      title: `${indicator.name}（${indicator.unit}）`, names: ranked.map(r => r.region_name), values: ranked.map(r => r.value),
      unit: indicator.unit, digits, homeIndex: ranked.findIndex(r => ctx.home && r.region_code === ctx.home.code),
      parentValue, parentLabel: `${parent?.name || ''}本级`,
    });

    append(view, dataTable({
      rows,
      rowAttrs: r => homeRow(ctx, r.region_code),
      columns: [
        { key: 'rank', label: '排名', num: true },
        { key: 'region_name', label: '地区', render: r => regionLabel(ctx, r.region_code, r.region_name) },
        { key: 'value', label: `数值（${indicator.unit}）`, num: true, render: r => explainValue(r.value, null, digits, p.indicator, p.year, r.region_code, from) },
        { key: 'previous_rank', label: from ? '上一时段名次' : '上年排名', num: true },
        { key: 'rank_change', label: '名次变化', num: true, render: r => (r.rank_change === null || r.rank_change === undefined ? '—'
          : el('span', { class: r.rank_change > 0 ? 'good' : r.rank_change < 0 ? 'bad' : '' },
            r.rank_change > 0 ? `↑${r.rank_change}` : r.rank_change < 0 ? `↓${-r.rank_change}` : '持平')) },
        { key: 'above_parent', label: '与上级比较', render: r => (r.above_parent === true ? el('span', { class: 'above' }, '高于上级')
          : r.above_parent === false ? el('span', { class: 'below' }, '不高于上级') : '—') },
      ],
    }));
  },
};
