// 目标: the targets of a year and where they stand (ipwh targets, /api/targets), for the leadership: counts by
// status on top, filters by status, indicator and a region tree with search, the plan document of each target,
// the parent's value and a filled bar for ">parent_avg" targets, and the CLI's CSV/Excel/Parquet files. The 十四五 view
// (view=plan) shows the plan-period targets: 今年情况 / 今年目标 (the straight-line path) / 总目标 and the progress
// against the path.
import { append, el, button, errorBox, notice } from '../core/dom.js';
import * as Api from '../core/api.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Labels from '../core/labels.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, homeRow, regionLabel } from '../core/page.js';

let tree = null; // the region tree, read once per publish
let treeBatch = null;

function progress(row) {
  if (row.actual === null || row.actual === undefined) return '—';
  if (row.comparator === '>parent_avg') {
    if (!row.parent_value) return '—';
    const ratio = row.actual / row.parent_value;
    return el('span', { class: 'progress parent', title: `本地区 ${Fmt.number(row.actual)}，上级本级值 ${Fmt.number(row.parent_value)}（${Math.round(ratio * 100)}%）` },
      el('span', { style: { width: `${Math.min(100, ratio * 50).toFixed(1)}%` } }), el('i', { style: { left: '50%' } }));
  }
  if (!row.target_value) return '—';
  const ratio = row.comparator === '<=' ? (row.actual === 0 ? 1 : row.target_value / row.actual) : row.actual / row.target_value;
  return el('span', { class: 'progress', title: `完成 ${Math.round(ratio * 100)}%` }, el('span', { style: { width: `${Math.max(0, Math.min(100, ratio * 100)).toFixed(1)}%` } }));
}

// A plan-period target: the bar is this year's value against 总目标, the red mark where the path (今年目标) is;
// below it the progress against the path. "不高于" and "高于上级" targets have the figure only.
function planProgress(row) {
  if (row.year_value === null || row.year_value === undefined) return '—';
  const against = row.progress === null || row.progress === undefined ? null : `完成序时进度 ${Fmt.number(row.progress, '%', 1)}`;
  if (row.comparator !== '>=' || !row.target_value) return against || '—';
  const share = v => Math.max(0, Math.min(100, v / row.target_value * 100)).toFixed(1);
  return el('span', { class: 'plan-progress' },
    el('span', { class: `progress plan ${row.status || ''}`, title: `今年情况 ${Fmt.number(row.year_value, row.unit)}，今年目标 ${Fmt.number(row.year_target, row.unit)}，总目标 ${Fmt.number(row.target_value, row.unit)}` },
      el('span', { style: { width: `${share(row.year_value)}%` } }),
      row.year_target === null || row.year_target === undefined ? null : el('i', { style: { left: `${share(row.year_target)}%` } })),
    against ? el('div', { class: 'muted' }, against) : null);
}

function statusBadge(r) {
  return r.status ? el('span', { class: `status ${r.status}` }, Labels.targetStatus[r.status]) : el('span', { class: 'status none' }, '未开始');
}

// The plan-period targets' table: 规划期, 今年情况, 今年目标, 总目标, progress against the path, status.
function planTable(ctx, shown) {
  return dataTable({
    rows: shown, rowAttrs: r => homeRow(ctx, r.region_code), className: 'wide',
    empty: '没有符合条件的规划期目标。',
    columns: [
      { key: 'region_name', label: '地区', className: 'nowrap', render: r => regionLabel(ctx, r.region_code, r.region_name) },
      { key: 'indicator_name', label: '指标', render: r => el('a', { href: ctx.link('trend', { indicator: r.indicator, region: r.region_code }), title: '历年走势与目标线' }, r.indicator_name) },
      { key: 'plan_period', label: '规划期', className: 'nowrap', render: r => Labels.planPeriod(r.plan_period) },
      { key: 'year_value', label: '今年情况', num: true, render: r => [Fmt.number(r.year_value, r.unit),
        r.value_source === 'official' ? el('div', { class: 'muted' }, Labels.valueSource.official) : null,
        r.period === 'ytd' ? el('div', { class: 'muted' }, `截至 ${r.as_of}`) : null] },
      { key: 'year_target', label: '今年目标', num: true, render: r => Fmt.number(r.year_target, r.unit) },
      { key: 'target_value', label: '总目标', num: true, render: r => Labels.target(r.comparator, r.target_value, v => Fmt.number(v, r.unit)) },
      { key: 'progress', label: '进度（对序时目标）', render: planProgress, sort: r => r.progress },
      { key: 'status', label: '状态', render: statusBadge },
      { key: 'source_document', label: '依据文件', render: r => r.source_document || '—' },
      { key: 'note', label: '说明', sortable: false, render: r => r.note || '' },
    ],
  });
}

// The name of the plan-period view: 十四五 when every plan-period target is of it.
function planName(rows) {
  const periods = [...new Set(rows.map(r => r.plan_period))];
  return periods.length === 1 ? Labels.planPeriod(periods[0]).replace(/（.*$/, '') : '规划期';
}

function treeView(ctx, p, nodes) {
  const q = (p.q || '').trim();
  const matches = node => !q || node.name.includes(q) || node.code.startsWith(q);
  const keep = node => matches(node) || node.children.some(keep);
  const item = node => el('li', {},
    button(node.name, () => ctx.go({ ...p, region: node.code }), { class: 'link', 'aria-current': p.region === node.code ? 'true' : null, title: node.code }),
    node.children.some(keep) && (q || node.level === 'province' || p.region?.startsWith(node.code.slice(0, node.level === 'city' ? 4 : 2)))
      ? el('ul', {}, node.children.filter(keep).map(item)) : null);
  const search = el('input', { type: 'search', value: p.q || '', placeholder: '搜索地区名称或代码', 'aria-label': '搜索地区' });
  const list = el('ul', {}, el('li', {}, button('全部地区', () => ctx.go({ ...p, region: '' }), { class: 'link', 'aria-current': !p.region ? 'true' : null })),
    nodes.filter(keep).map(item));
  search.addEventListener('change', () => ctx.go({ ...p, q: search.value }));
  return el('aside', { class: 'tree', 'aria-label': '地区' }, search, list);
}

export default {
  async render(view, ctx) {
    const meta = ctx.meta;
    const p = Object.assign({ year: Filters.defaultYear(meta) }, ctx.params);
    const years = meta.years.slice().reverse().map(y => ({ value: y, label: `${y} 年${meta.data_years.includes(y) ? '' : '（尚无数据）'}` }));
    const query = { year: p.year, region: p.region, asOf: p.asOf };
    const scope = p.region ? Filters.regionName(meta, p.region) : '全部地区';
    const title = heading(p.view === 'plan' ? `${scope} 规划期目标 · ${p.year} 年进度` : `${scope} ${p.year} 年目标完成情况`);
    append(view,
      title,
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'year', label: '年度', options: years },
        { name: 'indicator', label: '指标', options: [{ value: '', label: '全部指标' }].concat(Filters.indicatorOptions(meta)) },
        { name: 'status', label: '状态', options: [{ value: '', label: '全部状态' }].concat(Object.entries(Labels.targetStatus).map(([value, label]) => ({ value, label }))) },
        { name: 'asOf', label: '判断日', type: 'date', title: '留空为今天' },
      ], links('/api/targets', query, '与 ipwh targets 的文件相同（按年度、地区和判断日，不含状态和指标筛选）'), printButton()));
    let rows;
    try {
      [rows, tree] = await Promise.all([Api.get('/api/targets', query), tree && treeBatch === meta.batch_id ? Promise.resolve(tree) : Api.get('/api/regions')]);
      treeBatch = meta.batch_id;
    } catch (error) {
      append(view, errorBox(error.message));
      return;
    }
    const planRows = rows.filter(r => r.plan_period);
    const plan = p.view === 'plan';
    const inView = plan ? planRows : rows.filter(r => !r.plan_period);
    const name = planName(planRows);
    if (plan) title.textContent = `${scope} ${name}规划目标 · ${p.year} 年进度`;
    append(view, el('div', { class: 'view-switch', role: 'group', 'aria-label': '目标类型' },
      [['', '年度目标', rows.length - planRows.length], ['plan', `${name}规划目标`, planRows.length]].map(([value, label, n]) =>
        el('button', { type: 'button', 'aria-pressed': (p.view || '') === value ? 'true' : 'false', onclick: () => ctx.go({ ...p, view: value, status: '' }) },
          `${label}（${n}）`))));
    const counts = Object.keys(Labels.targetStatus).map(s => [s, inView.filter(r => r.status === s).length]);
    append(view, el('div', { class: 'cards', role: 'group', 'aria-label': '按状态统计' },
      el('div', { class: 'card' }, el('span', { class: 'count' }, String(inView.length)), plan ? `项${name}目标` : '项目标'),
      counts.map(([s, n]) => el('button', { type: 'button', class: 'card', 'aria-pressed': p.status === s ? 'true' : 'false',
        title: p.status === s ? '取消筛选' : `只看“${Labels.targetStatus[s]}”`, onclick: () => ctx.go({ ...p, status: p.status === s ? '' : s }) },
      el('span', { class: 'count' }, String(n)), el('span', { class: `status ${s}` }, Labels.targetStatus[s])))));
    const shown = inView.filter(r => (!p.status || r.status === p.status) && (!p.indicator || r.indicator === p.indicator));
    const table = plan ? planTable(ctx, shown) : dataTable({
      rows: shown, rowAttrs: r => homeRow(ctx, r.region_code), className: 'wide',
      empty: '没有符合条件的目标。',
      columns: [
        { key: 'region_name', label: '地区', render: r => regionLabel(ctx, r.region_code, r.region_name) },
        { key: 'indicator_name', label: '指标', render: r => el('a', { href: ctx.link('trend', { indicator: r.indicator, region: r.region_code }), title: '历年走势与目标线' }, r.indicator_name) },
        { key: 'target_value', label: '目标', num: true, render: r => Labels.target(r.comparator, r.target_value, v => Fmt.number(v, r.unit)) },
        { key: 'actual', label: '实际', num: true, render: r => [Fmt.number(r.actual, r.unit), r.period === 'ytd' ? el('div', { class: 'muted' }, `截至 ${r.as_of}`) : null] },
        { key: 'parent_value', label: '上级本级值', num: true, render: r => Fmt.number(r.parent_value, r.unit) },
        { key: 'progress', label: '进度', sortable: false, render: progress },
        { key: 'projection', label: '年末预计', num: true, render: r => (r.projection === null ? '—' : [Fmt.number(r.projection, r.unit, 0),
          el('div', { class: 'muted' }, r.projection_method === 'seasonal' ? '按上年进度' : '按天数线性')]) },
        { key: 'status', label: '状态', render: statusBadge },
        { key: 'source_document', label: '依据文件', render: r => r.source_document || '—' },
        { key: 'note', label: '说明', sortable: false, render: r => r.note || '' },
      ],
    });
    const caption = plan
      ? `显示 ${shown.length} / ${inView.length} 项。今年情况：流量指标为规划期首年至今年的累计，其他指标为今年的值；今年目标：按总目标直线分摊的序时进度（有年度目标时用年度目标）；` +
        '进度条为今年情况占总目标的比例，红线为今年目标；规划期结束后按期末值与总目标判断。'
      : `显示 ${shown.length} / ${inView.length} 项。年度结束后按全年值判断；年内计数指标按年末预计判断，其他指标按当前值；“高于上级”的进度条以中线为上级本级值。`;
    append(view, el('div', { class: 'targets-layout' }, treeView(ctx, p, tree),
      el('div', {}, inView.length === 0 ? notice(plan ? `${scope} ${p.year} 年没有规划期目标。` : `${scope} ${p.year} 年没有目标。`) : null,
        el('p', { class: 'caption' }, caption),
        table)));
  },
};
