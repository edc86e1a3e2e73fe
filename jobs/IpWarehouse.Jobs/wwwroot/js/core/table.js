// Tables: sortable by header buttons (keyboard-operable, aria-sort), a region highlighted, and long results in
// pages so that ten thousand rows draw as fast as two hundred.
import { el, clear } from './dom.js';

// columns: { key, label, num, render(row) → node or text, sort(row) → value, code (verbatim text) }
// detail: { label, open, close, render(row) → node or null }: a last column whose button opens the row's detail in a
// full-width row under it (kept open across sorting and pages); rows whose render gives null have no button.
export function dataTable({ columns, rows, sortable = true, pageSize = 0, rowAttrs, caption, empty = '没有数据。', className = '', detail }) {
  const opened = new Set();
  if (detail) {
    columns = columns.concat({
      key: '__detail', label: detail.label, sortable: false, render: row => (detail.render(row) === null ? '' : el('button', {
        type: 'button', class: 'link detail-toggle', 'aria-expanded': opened.has(row) ? 'true' : 'false',
        onclick: () => { if (!opened.delete(row)) opened.add(row); draw(); },
      }, opened.has(row) ? detail.close : detail.open)),
    });
  }
  let order = rows.slice();
  let sortKey = null;
  let descending = false;
  let page = 0;
  const table = el('table', { class: `data ${className}` });
  const head = el('thead');
  const body = el('tbody');
  const pager = el('div', { class: 'pager no-print' });
  if (caption) table.append(el('caption', {}, caption));
  table.append(head, body);

  function header() {
    clear(head, el('tr', {}, columns.map(c => {
      const sorted = sortKey === c.key ? (descending ? 'descending' : 'ascending') : null;
      const th = el('th', { class: c.num ? 'num' : '', scope: 'col', 'aria-sort': sorted || (sortable && c.sortable !== false ? 'none' : null) });
      if (sortable && c.sortable !== false) {
        th.append(el('button', { type: 'button', class: 'sort', title: '按此列排序', onclick: () => sortBy(c) }, c.label,
          el('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : '')));
      } else {
        th.append(c.label);
      }
      return th;
    })));
  }

  function sortBy(column) {
    descending = sortKey === column.key ? !descending : false;
    sortKey = column.key;
    const value = column.sort || (r => r[column.key]);
    order = rows.slice().sort((a, b) => {
      const x = value(a); const y = value(b);
      if (x === null || x === undefined) return 1; // missing values stay last either way
      if (y === null || y === undefined) return -1;
      const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return descending ? -compared : compared;
    });
    page = 0;
    header();
    draw();
    head.querySelector(`th[aria-sort="${descending ? 'descending' : 'ascending'}"] button`)?.focus();
  }

  function draw() {
    const shown = pageSize ? order.slice(page * pageSize, (page + 1) * pageSize) : order;
    clear(body, shown.length ? shown.map(row => [el('tr', rowAttrs ? rowAttrs(row) : {},
      columns.map(c => {
        const content = c.render ? c.render(row) : row[c.key];
        return el('td', { class: [c.num ? 'num' : '', c.className || ''].join(' ').trim() || null },
          content === null || content === undefined ? '—' : content);
      })),
    opened.has(row) ? el('tr', { class: 'detail' }, el('td', { colspan: columns.length }, detail.render(row))) : null])
      : el('tr', {}, el('td', { colspan: columns.length, class: 'empty' }, empty)));
    if (pageSize && order.length > pageSize) {
      const pages = Math.ceil(order.length / pageSize);
      clear(pager,
        el('button', { type: 'button', disabled: page === 0, onclick: () => { page--; draw(); } }, '上一页'),
        el('span', {}, `第 ${page + 1} / ${pages} 页，共 ${order.length.toLocaleString('zh-CN')} 行`),
        el('button', { type: 'button', disabled: page >= pages - 1, onclick: () => { page++; draw(); } }, '下一页'));
    } else {
      clear(pager);
    }
  }

  header();
  draw();
  return el('div', { class: 'table-wrap' }, el('div', { class: 'table-scroll' }, table), pager);
}
