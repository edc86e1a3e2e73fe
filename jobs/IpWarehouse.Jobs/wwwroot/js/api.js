// Shared helpers: HTTP calls to the API of INDICATORS.md, number formatting, small DOM helpers.
'use strict';

const Api = {
  async get(path, params) {
    const url = Api.url(path, params);
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return Api.read(response);
  },

  async post(path, body, headers) {
    const response = await fetch(path, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers || {}),
      body: body === undefined ? '{}' : JSON.stringify(body),
    });
    return Api.read(response);
  },

  async read(response) {
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    if (!response.ok) {
      const message = data && data.error ? data.error : `服务器返回 ${response.status}：${text.slice(0, 300)}`;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return data;
  },

  url(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) value.forEach(v => query.append(key, v));
      else query.append(key, value);
    }
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  },
};

const Fmt = {
  number(value, unit) {
    if (value === null || value === undefined) return '—';
    const digits = unit === '%' || !Number.isInteger(value) ? 2 : 0;
    const text = Number(value).toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return unit ? `${text} ${unit}` : text;
  },
  // Times are shown in the warehouse's time zone (Asia/Shanghai by default), whatever the browser's.
  dateTime(text, timeZone) {
    if (!text) return '—';
    const date = new Date(text);
    const zone = timeZone || (typeof App !== 'undefined' && App.meta && App.meta.time_zone) || undefined;
    return Number.isNaN(date.getTime()) ? text : date.toLocaleString('zh-CN', { hour12: false, timeZone: zone });
  },
  duration(seconds) {
    if (seconds === null || seconds === undefined) return '—';
    if (seconds < 60) return `${seconds.toFixed(1)} 秒`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes} 分 ${Math.round(seconds - minutes * 60)} 秒`;
  },
  age(seconds) {
    if (seconds === null || seconds === undefined) return '';
    if (seconds < 3600) return `${Math.round(seconds / 60)} 分钟`;
    if (seconds < 86400 * 2) return `${Math.round(seconds / 3600)} 小时`;
    return `${Math.round(seconds / 86400)} 天`;
  },
};

const Dom = {
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },
  showError(id, error) {
    const box = document.getElementById(id);
    if (!error) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = error.message || String(error);
  },
  fillSelect(select, options, selected) {
    select.replaceChildren(...options.map(o => Dom.el('option', { value: o.value, selected: String(o.value) === String(selected) }, o.label)));
  },
};

// Column sort for tables marked "sortable": click a header to sort by it, click again to reverse.
function makeSortable(table, getRows, render) {
  let key = null;
  let descending = false;
  table.querySelectorAll('th[data-key]').forEach(th => th.addEventListener('click', () => {
    descending = key === th.dataset.key ? !descending : false;
    key = th.dataset.key;
    const numeric = th.dataset.type === 'number';
    const rows = getRows().slice().sort((a, b) => {
      const x = a[key]; const y = b[key];
      if (x === null || x === undefined) return 1;       // missing values stay last either way
      if (y === null || y === undefined) return -1;
      const order = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return descending ? -order : order;
    });
    table.querySelectorAll('th').forEach(h => h.classList.remove('sorted-asc', 'sorted-desc'));
    th.classList.add(descending ? 'sorted-desc' : 'sorted-asc');
    render(rows);
  }));
}

// The breakdown `ipwh explain` prints, in a dialog.
async function showExplain(indicator, year, region) {
  const dialog = document.getElementById('explain-dialog');
  const body = document.getElementById('explain-body');
  body.replaceChildren(Dom.el('p', { class: 'muted' }, '正在读取…'));
  if (!dialog.open) dialog.showModal();
  try {
    const data = await Api.get('/api/explain', { indicator, year, region });
    body.replaceChildren(renderExplain(data));
  } catch (error) {
    body.replaceChildren(Dom.el('div', { class: 'error' }, error.message));
  }
}

function renderExplain(data) {
  const e = Array.isArray(data) ? data[0] : data;
  const parts = [];
  document.getElementById('explain-title').textContent = `${e.region_name} ${e.year} 年 ${e.indicator_name} 的数据来源`;
  const summary = [
    ['数值', Fmt.number(e.value, e.unit)],
    ['定义', e.definition],
    ['统计期间', `${e.period_start} 至 ${e.period_end}`],
    [`分子：${e.numerator_label || ''}`, Fmt.number(e.numerator)],
  ];
  if (e.denominator_label) summary.push([`分母：${e.denominator_label}`, Fmt.number(e.denominator)]);
  if (e.population) {
    const p = e.population;
    summary.push(['所用人口', `${Fmt.number(p.population)} 人（${p.population_type}，${p.year} 年，来源 ${p.source_name} 第 ${p.source_row} 行，批次 ${p.batch_id}）`]);
  }
  summary.push(['计算时间', Fmt.dateTime(e.computed_at)]);
  parts.push(Dom.el('dl', { class: 'explain-summary' }, summary.map(([k, v]) => [Dom.el('dt', {}, k), Dom.el('dd', {}, v ?? '—')])));
  if (e.rules && e.rules.length) {
    parts.push(Dom.el('h3', {}, '计数规则'), Dom.el('ul', {}, e.rules.map(r => Dom.el('li', {}, `${r.setting}：${r.value}`))));
  }
  const facts = e.facts || [];
  parts.push(Dom.el('h3', {}, `来源记录：共 ${Fmt.number(e.facts_total ?? facts.length)} 条${facts.length < (e.facts_total ?? 0) ? `，显示前 ${facts.length} 条` : ''}`));
  if (facts.length) {
    const columns = Object.keys(facts[0]);
    parts.push(Dom.el('div', { class: 'table-scroll' }, Dom.el('table', { class: 'data' },
      Dom.el('thead', {}, Dom.el('tr', {}, columns.map(c => Dom.el('th', {}, c)))),
      Dom.el('tbody', {}, facts.map(row => Dom.el('tr', {}, columns.map(c => Dom.el('td', {}, row[c] === null ? '' : String(row[c])))))))));
  }
  return Dom.el('div', {}, parts);
}
