// 运行 (operators): the nightly load's state and schedule, run now / pause / resume / cancel (each confirmed,
// each enabled only when it makes sense), re-reading one source in full, the load in progress, the run history
// with why a run or source failed, and a batch's quarantined rows, filterable and downloadable.
import { append, el, clear, code, verbatim, button, errorBox } from '../core/dom.js';
import * as Api from '../core/api.js';
import * as Fmt from '../core/format.js';
import * as Labels from '../core/labels.js';
import { dataTable } from '../core/table.js';
import { csvButton } from '../core/download.js';
import { heading } from '../core/page.js';

let open = null; // { ctx, parts } of the page on screen, for the periodic refresh

const actions = {
  run: { label: '立即运行', confirm: '现在开始一次完整装载（全部数据源）？装载期间页面照常可用，完成后自动显示新数据。' },
  pause: { label: '暂停', confirm: null },
  resume: { label: '恢复', confirm: null },
  cancel: { label: '取消当前运行', confirm: '取消正在运行的装载？它将在下一个安全点停止，不发布任何数据，已发布的数据保持不变。' },
};

// The dashboard's commands need the operator token: a cookie for /hangfire only, never sent to other sites.
function rememberForDashboard(value) {
  document.cookie = `ipwh_operator=${encodeURIComponent(value)}; path=/hangfire; SameSite=Strict${value ? '' : '; max-age=0'}`;
}

function token() {
  return document.getElementById('operator-token')?.value || '';
}

async function act(action, body) {
  const spec = actions[action];
  const question = body?.source ? `重新完整读取数据源“${body.source}”（忽略水位线，相当于 ipwh load --full --source ${body.source}）？` : spec.confirm;
  if (question && !window.confirm(question)) return;
  const message = open.parts.message;
  try {
    const answer = await Api.post(`/api/jobs/${action}`, body || {}, token() ? { Authorization: `Bearer ${token()}` } : {});
    message.textContent = answer?.message || `已执行：${spec.label}`;
    message.className = 'muted';
  } catch (error) {
    message.textContent = `${spec.label}失败：${error.message}`;
    message.className = 'message';
  }
  await refresh();
}

function jobCard(job, runs) {
  const running = job.running;
  const zone = Labels.timeZone(job.time_zone);
  const sources = [...new Set(runs.flatMap(r => (r.sources || []).map(s => s.name)))];
  const choice = el('select', { 'aria-label': '数据源', class: 'code' }, sources.map(s => el('option', { value: s }, s)));
  const can = { run: !running, pause: !running && job.state === 'scheduled', resume: job.state === 'paused', cancel: Boolean(running) && !running.cancel_requested };
  return [
    el('div', { class: 'card', id: 'job-state' },
      el('div', {}, el('strong', {}, '夜间装载'), `　状态：${Labels.of(Labels.jobState, job.state)}`,
        '　计划：', el('span', { title: job.schedule ? `cron 表达式 ${job.schedule}` : '' }, Labels.schedule(job.schedule)), `（${zone}）`),
      el('div', {}, `下次运行：${Fmt.dateTime(job.next_fire_time)}　上次定时触发：${Fmt.dateTime(job.previous_fire_time)}`),
      running ? el('div', { class: 'running' }, `正在运行：批次 `, code(running.batch_id || '准备中'),
        running.phase ? `，阶段：${Labels.of(Labels.phase, running.phase)}` : '', running.source ? ['，数据源 ', code(running.source)] : '',
        `，${Labels.of(Labels.trigger, running.trigger)}，开始于 ${Fmt.dateTime(running.started_at)}`, running.cancel_requested ? '（已请求取消，正在停止）' : '') : null,
      el('div', { class: 'muted' }, `作业库：${Labels.of(Labels.store, job.store)}　节点：`,
        job.clustered ? ['集群 ', code(job.node)] : '单机')),
    el('div', { class: 'job-buttons no-print' },
      Object.entries(actions).map(([action, spec]) => button(spec.label, () => act(action), {
        dataset: { job: action }, disabled: !can[action], class: action === 'cancel' ? 'danger' : null,
        title: can[action] ? null : '当前状态下不可用' })),
      el('input', { id: 'operator-token', type: 'password', placeholder: '操作口令（内网访问时需要）', autocomplete: 'off', 'aria-label': '操作口令', value: open?.token || '',
        oninput: e => { open.token = e.target.value; rememberForDashboard(e.target.value); } }),
      el('a', { href: '/hangfire', id: 'dashboard-link', target: '_blank', rel: 'noopener' }, '调度面板（Hangfire）')),
    sources.length ? el('div', { class: 'job-buttons no-print' }, el('span', {}, '重新完整读取一个数据源：'), choice,
      button('重新读取', () => act('run', { source: choice.value }), { class: 'secondary', dataset: { job: 'source' }, disabled: Boolean(running) })) : null,
  ];
}

function runsTable(ctx, job, runs) {
  const rows = runs.slice();
  if (job?.running && !rows.some(r => r.batch_id === job.running.batch_id && r.status === 'running')) {
    rows.unshift({ batch_id: job.running.batch_id || '准备中', status: 'running', trigger: job.running.trigger, started_at: job.running.started_at,
      finished_at: null, message: job.running.phase ? `阶段：${Labels.of(Labels.phase, job.running.phase)}` : null, sources: [], live: true });
  }
  const sum = (r, key) => (r.sources || []).reduce((n, s) => n + (s[key] || 0), 0);
  const select = r => { if (!r.live) ctx.go({ ...ctx.params, batch: r.batch_id, source: '', reason: '' }); };
  return dataTable({
    rows, sortable: false, empty: '还没有装载记录。',
    rowAttrs: r => ({ class: `clickable${(ctx.params.batch || runs[0]?.batch_id) === r.batch_id ? ' selected' : ''}`, tabindex: r.live ? null : '0', dataset: { batch: r.batch_id },
      'aria-label': r.live ? null : `批次 ${r.batch_id}：查看数据源和隔离数据`,
      onclick: () => select(r), onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(r); } } }),
    columns: [
      { key: 'batch_id', label: '批次', render: r => code(r.batch_id) },
      { key: 'status', label: '状态', render: r => el('span', { class: `status ${r.status}` }, Labels.of(Labels.runStatus, r.status)) },
      { key: 'trigger', label: '触发', render: r => Labels.of(Labels.trigger, r.trigger) },
      { key: 'started_at', label: '开始', render: r => Fmt.dateTime(r.started_at) },
      { key: 'duration', label: '用时', num: true, render: r => (r.finished_at ? Fmt.duration((new Date(r.finished_at) - new Date(r.started_at)) / 1000) : '进行中') },
      { key: 'sources', label: '数据源', render: r => {
        const failed = (r.sources || []).filter(s => s.status === 'failed').map(s => s.name);
        return [`${(r.sources || []).length} 个`, failed.length ? el('span', { class: 'message' }, ['（失败：', failed.map(f => code(f)), '）']) : null];
      } },
      { key: 'rows_read', label: '读取', num: true, render: r => Fmt.number(sum(r, 'rows_read')) },
      { key: 'rows_quarantined', label: '隔离', num: true, render: r => Fmt.number(sum(r, 'rows_quarantined')) },
      { key: 'message', label: '说明', render: r => (r.message ? el('span', { class: r.status === 'failed' ? 'message' : '' }, r.live ? r.message : verbatim(r.message)) : '') },
    ],
  });
}

function sourcesTable(run) {
  return dataTable({
    rows: run.sources || [], sortable: false, caption: `批次 ${run.batch_id} 的数据源`, empty: '该批次没有数据源记录。',
    columns: [
      { key: 'name', label: '数据源', render: s => code(s.name) },
      { key: 'status', label: '状态', render: s => el('span', { class: `status ${s.status}` }, Labels.of(Labels.runStatus, s.status)) },
      { key: 'rows_read', label: '读取', num: true, render: s => Fmt.number(s.rows_read) },
      { key: 'rows_accepted', label: '接收', num: true, render: s => Fmt.number(s.rows_accepted) },
      { key: 'rows_quarantined', label: '隔离', num: true, render: s => Fmt.number(s.rows_quarantined) },
      { key: 'stale', label: '数据陈旧', render: s => (s.stale ? el('span', { class: 'stale', title: '本次失败，已发布的仍是上次成功装载的数据' },
        `截至 ${Fmt.dateTime(s.stale_data_as_of)}，已 ${Fmt.hours(s.stale_age_hours)}`) : '否') },
      { key: 'message', label: '说明（失败原因）', render: s => (s.message ? el('span', { class: s.status === 'failed' ? 'message' : '' }, verbatim(s.message)) : '') },
    ],
  });
}

async function rejects(ctx, batch, box) {
  let rows;
  try {
    rows = await Api.get('/api/rejects', { batch });
  } catch (error) {
    clear(box, errorBox(error.message));
    return;
  }
  const p = ctx.params;
  const sources = [...new Set(rows.map(r => r.source))];
  const reasons = [...new Set(rows.map(r => r.reason))];
  const q = (p.q || '').trim();
  const shown = rows.filter(r => (!p.source || r.source === p.source) && (!p.reason || r.reason === p.reason)
    && (!q || [r.column, r.value, r.message, r.file].some(v => v && String(v).includes(q))));
  const change = (key, value) => ctx.go({ ...p, [key]: value });
  const columns = [
    { key: 'source', label: '数据源', render: r => code(r.source) },
    { key: 'file', label: '文件', render: r => code(r.file) },
    { key: 'row', label: '行', num: true },
    { key: 'column', label: '列', render: r => code(r.column) },
    { key: 'value', label: '原值', render: r => (r.value === null ? el('span', { class: 'muted' }, '（空）') : code(r.value)) },
    { key: 'reason', label: '原因', render: r => [Labels.of(Labels.reason, r.reason), ' ', el('span', { class: 'muted' }, code(r.reason))] },
    { key: 'message', label: '说明', render: r => verbatim(r.message) },
  ];
  const csvColumns = columns.map(c => ({ key: c.key, label: c.label }));
  clear(box,
    el('h3', {}, `批次 ${batch} 的隔离数据：${rows.length} 行`),
    el('form', { class: 'filters no-print', onsubmit: e => e.preventDefault() },
      el('label', { class: 'field' }, el('span', {}, '数据源'), el('select', { class: 'code', onchange: e => change('source', e.target.value) },
        el('option', { value: '' }, '全部'), sources.map(s => el('option', { value: s, selected: p.source === s }, s)))),
      el('label', { class: 'field' }, el('span', {}, '原因'), el('select', { onchange: e => change('reason', e.target.value) },
        el('option', { value: '' }, '全部'), reasons.map(s => el('option', { value: s, selected: p.reason === s }, Labels.of(Labels.reason, s))))),
      el('label', { class: 'field' }, el('span', {}, '查找'), el('input', { type: 'search', value: q, placeholder: '列名、原值或说明', onchange: e => change('q', e.target.value) })),
      csvButton(`rejects-${batch}.csv`, csvColumns, () => shown)),
    el('p', { class: 'caption' }, `显示 ${shown.length} / ${rows.length} 行。每行都保留了原因，装载时没有丢弃或挪动任何行。`),
    dataTable({ rows: shown, columns, pageSize: 200, empty: rows.length ? '没有符合条件的隔离数据。' : '该批次没有隔离数据。' }));
}

export async function refresh() {
  if (!open || !document.body.contains(open.parts.jobs)) return;
  const { ctx, parts } = open;
  let job = null;
  let runs = [];
  const [jobAnswer, runsAnswer] = await Promise.allSettled([Api.get('/api/jobs'), Api.get('/api/runs')]);
  if (jobAnswer.status === 'fulfilled') job = jobAnswer.value;
  if (runsAnswer.status === 'fulfilled') runs = runsAnswer.value;
  clear(parts.jobs, job ? jobCard(job, runs) : el('div', { class: 'card', id: 'job-state' }, jobAnswer.reason?.status === 404
    ? '调度器未运行：用 ./ipwh serve 启动后可在此运行、暂停和取消装载。' : `无法读取调度状态：${jobAnswer.reason?.message}`));
  clear(parts.runs, runsAnswer.status === 'rejected' ? errorBox(runsAnswer.reason.message) : runsTable(ctx, job, runs));
  open.runs = runs;
  const selected = runs.find(r => r.batch_id === (ctx.params.batch || runs[0]?.batch_id));
  clear(parts.sources, selected ? sourcesTable(selected) : null);
  parts.runs.dataset.loaded = 'true';
}

export default {
  refresh,
  async render(view, ctx) {
    const parts = { jobs: el('div'), message: el('div', { class: 'muted', role: 'status' }), runs: el('div'), sources: el('div'), rejects: el('div') };
    open = { ctx, parts, token: open?.token || '' };
    append(view, heading('装载运行'), parts.jobs, parts.message, el('h3', {}, '运行记录'),
      el('p', { class: 'muted no-print' }, '点击一行（或用 Tab 选中后按回车）查看该批次的数据源和隔离数据。'),
      parts.runs, parts.sources, parts.rejects);
    await refresh();
    const batch = ctx.params.batch || open.runs?.[0]?.batch_id; // the latest load unless another is chosen
    if (batch) await rejects(ctx, batch, parts.rejects);
  },
};
