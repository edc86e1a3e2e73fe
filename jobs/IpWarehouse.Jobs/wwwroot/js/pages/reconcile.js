// 对账: the official figures (bulletins, yearbooks) beside the warehouse's own for the same period (ipwh reconcile,
// /api/reconcile): counts by status, the table with the difference, and for each 偏差 what in our data could
// explain it (attribution by address or credit code, quarantined rows, retired codes, the counting rules).
import { append, el, code } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Labels from '../core/labels.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { ruleText } from '../core/explain.js';
import { heading, printButton, homeRow, regionLabel, explainValue, answer } from '../core/page.js';

const DefaultTolerance = 0.5; // PlanningQueries.DefaultTolerance

// year, a range 2021-2024, or the last day of a year to date
function periodLabel(period) {
  if (period === 'year') return '全年';
  return /^\d{4}-\d{4}$/.test(period) ? period.replace('-', '—') : `截至 ${period}`;
}

// A command in a sentence of the server (见 ipwh rejects) is shown as a code.
function withCommands(text) {
  return text.split(/(ipwh [a-z]+)/).map((part, i) => (i % 2 ? code(part) : part));
}

function explanation(ctx, row) {
  const e = row.explanation;
  const part = (title, ...content) => el('section', {}, el('h4', {}, title), content);
  const quarantined = e.quarantined.reduce((n, q) => n + q.rows, 0);
  return el('div', { class: 'reconcile-explanation' },
    el('p', {}, withCommands(e.summary)),
    el('div', { class: 'reconcile-parts' },
      part(`事实的地区归属（共 ${Fmt.number(e.facts)} 条）`, e.attribution.length === 0 ? el('p', { class: 'muted' }, '没有计入的事实。') : dataTable({
        rows: e.attribution, sortable: false, className: 'compact',
        columns: [
          { key: 'method', label: '归属方式', render: a => Labels.of(Labels.attribution, a.method) },
          { key: 'facts', label: '事实数', num: true, render: a => Fmt.number(a.facts) },
          { key: 'share', label: '占比', num: true, render: a => Fmt.number(a.share, '%', 1) },
        ],
      }), e.address_or_credit_share ? el('p', { class: 'muted' }, `按地址或信用代码归属的占 ${Fmt.number(e.address_or_credit_share, '%', 1)}：官方若只按区划代码统计，这些事实不计入。`) : null),
      part(`该地区该期被隔离的行（${Fmt.number(quarantined)} 行）`, quarantined === 0 ? el('p', { class: 'muted' }, '没有。') : [
        el('ul', {}, e.quarantined.map(q => el('li', {}, `${Labels.of(Labels.reason, q.reason)}：${Fmt.number(q.rows)} 行`))),
        el('a', { href: ctx.link('runs', { batch: ctx.meta.batch_id }) }, '在“运行”页查看本批次的隔离数据')]),
      part('已撤销的区划代码', e.succeeded_facts > 0
        ? el('p', {}, `${Fmt.number(e.succeeded_facts)} 条事实以已撤销代码 `, e.given_codes.map((c, i) => [i ? '、' : '', code(c)]), ' 报送，按今天的继承代码计入本地区。')
        : el('p', { class: 'muted' }, '没有以已撤销代码报送的事实。')),
      part('计数口径', e.rules.length === 0 ? el('p', { class: 'muted' }, '该指标没有可选的计数口径。')
        : el('ul', {}, e.rules.map(r => el('li', {}, el('strong', {}, `${Labels.of(Labels.setting, r.setting)}：`), ruleText(r.value)))))));
}

export default {
  async render(view, ctx) {
    const meta = ctx.meta;
    // the province by default: its bulletin and its regions' (a county's own figures are few)
    const p = Object.assign({ year: Filters.defaultYear(meta), within: meta.regions.find(r => r.level === 'province')?.code || '' }, ctx.params);
    const tolerance = p.tolerance === undefined || p.tolerance === '' ? DefaultTolerance : Number(p.tolerance);
    const query = { year: p.year, within: p.within, tolerance: p.tolerance };
    const scope = p.within ? Filters.regionName(meta, p.within) : '全部地区';
    append(view,
      heading(`${scope} ${p.year} 年官方公布数核对`),
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'year', label: '年度', options: Filters.yearOptions(meta, p.year) },
        { name: 'within', label: '地区', options: [{ value: '', label: '全部地区' }].concat(Filters.regionOptions(meta)) },
        { name: 'tolerance', label: '容差（%）', type: 'number', title: '差异率在此百分比以内为一致（默认 0.5）', placeholder: String(DefaultTolerance) },
      ], links('/api/reconcile', query, '与 ipwh reconcile 的文件相同（按年度、地区和容差，不含状态筛选）'), printButton()));

    const rows = await answer(view, '/api/reconcile', query);
    if (!rows) return;
    const official = rows.filter(r => r.status !== 'no_official');
    append(view, el('div', { class: 'cards', role: 'group', 'aria-label': '按状态统计' },
      el('div', { class: 'card' }, el('span', { class: 'count' }, String(official.length)), '项官方数'),
      Object.entries(Labels.reconcileStatus).map(([s, label]) => el('button', {
        type: 'button', class: 'card', 'aria-pressed': p.status === s ? 'true' : 'false',
        title: p.status === s ? '取消筛选' : `只看“${label}”`, onclick: () => ctx.go({ ...p, status: p.status === s ? '' : s }),
      }, el('span', { class: 'count' }, String(rows.filter(r => r.status === s).length)), el('span', { class: `status ${s}` }, label)))));

    const shown = p.status ? rows.filter(r => r.status === p.status) : official;
    const hidden = rows.length - official.length;
    append(view, el('p', { class: 'caption' },
      `显示 ${shown.length} 项。差值 = 本系统 − 官方数，差异率 = 差值 ÷ 官方数；差异率在 ±${Fmt.number(tolerance, '%', tolerance % 1 ? 1 : 0)} 以内为一致。` +
      '本系统数按官方数的同一统计期由事实计算；每项“偏差”可展开查看本系统数据中可能的原因。' +
      (!p.status && hidden ? `本系统计算而没有官方数的 ${hidden} 项指标未列出：点击“无官方数”查看。` : '')));
    append(view, dataTable({
      rows: shown, rowAttrs: r => homeRow(ctx, r.region_code, { dataset: { region: r.region_code, status: r.status } }),
      pageSize: 200, empty: '没有符合条件的数据。',
      detail: { label: '可能原因', open: '展开说明', close: '收起说明', render: r => (r.explanation ? explanation(ctx, r) : null) },
      columns: [
        { key: 'region_name', label: '地区', className: 'nowrap', render: r => regionLabel(ctx, r.region_code, r.region_name) },
        { key: 'indicator_name', label: '指标', className: 'nowrap' },
        { key: 'period', label: '统计期', className: 'nowrap', render: r => periodLabel(r.period) },
        { key: 'official', label: '官方数', num: true, render: r => Fmt.number(r.official, r.unit) },
        { key: 'ours', label: '本系统', num: true, render: r => (r.ours === null || !/^(year|\d{4}-\d{4})$/.test(r.period) ? Fmt.number(r.ours, r.unit)
          : explainValue(r.ours, r.unit, null, r.indicator, r.year, r.region_code, r.period === 'year' ? null : r.period.slice(0, 4))) },
        { key: 'difference', label: '差值', num: true, render: r => Fmt.signed(r.difference, r.unit) },
        { key: 'difference_pct', label: '差异率', num: true, render: r => Fmt.signed(r.difference_pct, '%', 2) },
        { key: 'status', label: '状态', render: r => el('span', { class: `status ${r.status}` }, Labels.reconcileStatus[r.status] || r.status) },
        { key: 'source_document', label: '来源文件', render: r => (r.source_document ? [r.source_document, r.published_date ? el('div', { class: 'muted' }, `发布于 ${r.published_date}`) : null] : '—') },
      ],
    }));
  },
};
