// Downloads: the planning answers as the CLI writes them (format=csv|xlsx|parquet of the same route), and a CSV of
// rows the page holds (UTF-8 with BOM, so Excel opens Chinese text correctly).
import { el } from './dom.js';
import { url } from './api.js';

export function links(path, params, note) {
  return el('span', { class: 'downloads no-print' },
    el('a', { class: 'button', href: url(path, Object.assign({}, params, { format: 'csv' })), download: '', title: note || '与命令行 --format csv 的文件相同' }, '下载 CSV'),
    el('a', { class: 'button', href: url(path, Object.assign({}, params, { format: 'xlsx' })), download: '', title: note || '与命令行 --format xlsx 的文件相同' }, '下载 Excel'),
    el('a', { class: 'button', href: url(path, Object.assign({}, params, { format: 'parquet' })), download: '', title: note || '与命令行 --format parquet 的文件相同' }, '下载 Parquet'));
}

export function csvButton(fileName, columns, rows) {
  return el('button', { type: 'button', class: 'no-print', onclick: () => saveCsv(fileName, columns, rows()) }, '下载 CSV');
}

export function saveCsv(fileName, columns, rows) {
  const quote = v => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(c => quote(c.label)).join(',')]
    .concat(rows.map(r => columns.map(c => quote(typeof c.value === 'function' ? c.value(r) : r[c.key])).join(',')));
  const blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const link = el('a', { href: URL.createObjectURL(blob), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
