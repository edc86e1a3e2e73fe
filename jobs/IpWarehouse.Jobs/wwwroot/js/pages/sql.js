// SQL (statisticians): read-only queries over the published warehouse, with the data dictionary (every table
// and column with its COMMENT) beside the box. The server enforces the row and time limits and refuses file
// access, ATTACH, INSTALL/LOAD and SET. Results are shown 200 rows a page, wide ones scroll in their pane.
import { append, el, clear, code, verbatim, button, errorBox } from '../core/dom.js';
import * as Api from '../core/api.js';
import * as Filters from '../core/filters.js';
import { dataTable } from '../core/table.js';

let dictionary = null; // read once per page load: the schema changes with a release only

function examples(year) {
  return [
    { label: `${year} 年各市州每万人口发明专利拥有量`, sql: `SELECT r.name AS region, m.value, m.numerator, m.denominator
FROM mart_indicator AS m JOIN dim_region AS r ON r.region_code = m.region_code AND r.is_current
WHERE m.indicator = 'valid_invention_per_10k' AND m.year = ${year} AND m.period = 'year' AND r.level = 'city'
ORDER BY m.value DESC` },
    { label: `${year} 年专利申请量前 20 的县区`, sql: `SELECT r.name AS region, m.value AS applications
FROM mart_indicator AS m JOIN dim_region AS r ON r.region_code = m.region_code AND r.is_current
WHERE m.indicator = 'patent_applications' AND m.year = ${year} AND m.period = 'year' AND r.level = 'county'
ORDER BY m.value DESC
LIMIT 20` },
    { label: `${year} 年各类专利申请`, sql: `SELECT patent_type, count(*) AS applications
FROM fact_patent
WHERE year(application_date) = ${year}
GROUP BY ALL
ORDER BY applications DESC` },
    { label: '各次装载的隔离行数', sql: `SELECT batch_id, source_name, rows_read, rows_quarantined
FROM etl_source_run
ORDER BY batch_id DESC, source_name` },
    { label: `${year} 年的全部专利（一万行，分页显示）`, sql: `SELECT *
FROM fact_patent
WHERE year(application_date) = ${year}
LIMIT 10000` },
  ];
}

function cell(value) {
  if (value === null) return el('span', { class: 'muted' }, 'NULL');
  return code(typeof value === 'object' ? JSON.stringify(value) : value);
}

async function run(ctx, text, parts) {
  const started = performance.now();
  parts.info.textContent = '正在查询…';
  ctx.replace({ ...ctx.params, sql: text });
  try {
    const response = await fetch('/api/sql', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ sql: text }),
    });
    const rows = await Api.read(response);
    const drawing = performance.now();
    const cut = Api.cutOf(response);
    const columns = rows.length ? Object.keys(rows[0]).map(key => ({
      key, label: code(key), num: rows.some(r => typeof r[key] === 'number'), render: r => cell(r[key]),
    })) : [];
    clear(parts.error);
    clear(parts.result, dataTable({ rows, columns, pageSize: 200, empty: '查询没有返回行。', className: 'compact' }));
    void parts.result.offsetHeight; // the layout of the drawn page is part of drawing it
    parts.result.dataset.drawMs = String(Math.round(performance.now() - drawing));
    parts.result.dataset.rows = String(rows.length);
    parts.info.textContent = `${rows.length.toLocaleString('zh-CN')} 行${cut ? `（${Api.cutText(cut, rows.length)}；${cut.rows ? '请加 LIMIT 或聚合' : '请少选列、加 LIMIT 或聚合'}）` : ''}，用时 ${((performance.now() - started) / 1000).toFixed(2)} 秒`;
  } catch (error) {
    clear(parts.error, errorBox(error.status === 400 && !/[\u4e00-\u9fff]/.test(error.message) ? ['查询出错（DuckDB 的原话）：', code(error.message)] : error.message));
    clear(parts.result);
    parts.result.dataset.rows = '0';
    parts.info.textContent = '查询被拒绝或出错。';
  }
}

// The answer as ipwh sql --format csv|parquet writes it (the server's row and time limits apply).
async function download(text, parts, format) {
  try {
    const response = await fetch(`/api/sql?format=${format}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql: text }) });
    if (!response.ok) { await Api.read(response); return; }
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: `query.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) {
    clear(parts.error, errorBox(error.message));
  }
}

async function loadDictionary(box) {
  try {
    dictionary ??= await Api.get('/api/dictionary');
    clear(box, dictionary.map(t => el('details', {},
      el('summary', {}, code(t.table)),
      t.comment ? el('p', { class: 'muted' }, verbatim(t.comment)) : null,
      el('dl', {}, (t.columns || []).map(c => [el('dt', {}, code(c.name), ' ', el('span', { class: 'muted' }, code(c.type || ''))), el('dd', {}, verbatim(c.comment))])))));
  } catch (error) {
    clear(box, errorBox(`无法读取数据字典：${error.message}`));
  }
}

export default {
  async render(view, ctx) {
    const year = Filters.defaultYear(ctx.meta) || new Date().getFullYear();
    const samples = examples(year);
    const text = el('textarea', { rows: 8, spellcheck: 'false', 'aria-label': 'SQL 查询' });
    text.value = ctx.params.sql || samples[0].sql;
    const parts = { info: el('span', { class: 'muted', role: 'status' }, '只读：不能写入、读取文件或修改设置；最多返回一万行，30 秒超时。'), error: el('div'), result: el('div', { class: 'sql-result' }) };
    const picker = el('select', { 'aria-label': '示例查询', onchange: e => { if (e.target.value !== '') { text.value = samples[Number(e.target.value)].sql; run(ctx, text.value, parts); } } },
      el('option', { value: '' }, '示例查询…'), samples.map((s, i) => el('option', { value: i }, s.label)));
    text.addEventListener('keydown', e => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run(ctx, text.value, parts); });
    const box = el('div', { id: 'dictionary-body' }, '正在读取…');
    append(view, el('h2', { class: 'page-title' }, 'SQL 查询'), el('div', { class: 'sql-layout' },
      el('div', { class: 'sql-main' }, text,
        el('div', { class: 'sql-buttons' }, button('运行查询', () => run(ctx, text.value, parts), { id: 'sql-run', title: 'Ctrl+Enter' }),
          button('下载 CSV', () => download(text.value, parts, 'csv'), { class: 'secondary' }),
          button('下载 Parquet', () => download(text.value, parts, 'parquet'), { class: 'secondary', title: '与 ipwh sql --format parquet 的文件相同' }), picker, parts.info),
        parts.error, parts.result),
      el('aside', { class: 'dictionary', id: 'dictionary', 'aria-label': '数据字典' }, el('h3', {}, '数据字典'), box)));
    await Promise.all([loadDictionary(box), run(ctx, text.value, parts)]); // the example (or the query from the URL) answers at once
  },
};
