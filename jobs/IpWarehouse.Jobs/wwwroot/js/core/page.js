// What the planning pages share: the heading, the print button, the highlight of the home region, the
// explain link on a value, the "no data" notice, and the figure digits.
import { el, button, append, errorBox, notice } from './dom.js';
import * as Api from './api.js';
import * as Fmt from './format.js';
import { showExplain } from './explain.js';

export function heading(text) {
  return el('h2', { class: 'page-title' }, text);
}

export function printButton() {
  return button('打印', () => window.print(), { class: 'secondary no-print', title: 'A4 横向：标题、数据截至、图表和表格' });
}

export function isHome(ctx, code) {
  return ctx.home && ctx.home.code === code;
}

export function homeRow(ctx, code, attrs) {
  return Object.assign({ dataset: { region: code }, class: isHome(ctx, code) ? 'home' : null }, attrs || {});
}

export function regionLabel(ctx, code, name) {
  return isHome(ctx, code) ? [name, el('span', { class: 'muted' }, '（本地区）')] : name;
}

// A value that opens `ipwh explain` for it: a button, so the keyboard reaches it.
export function explainValue(value, unit, digits, indicator, year, region, fromYear) {
  if (value === null || value === undefined) return '无数值';
  return el('button', { type: 'button', class: 'link explain', title: '查看数据来源', onclick: () => showExplain(indicator, year, region, fromYear) },
    Fmt.number(value, unit, digits));
}

// Every value missing or 0: nothing to compare (a year before the source began, say).
export function nothingToCompare(values) {
  return values.every(v => v === null || v === undefined || v === 0);
}

export function digitsFor(values) {
  return Fmt.separatingDigits(values, Fmt.baseDigits(null, values));
}

// A page's data: the API's answer, or null after its error has been shown on the page.
// A long list (/api/expiring, /api/cases) and, when the server cut it at its limit, a notice saying so and how to get
// the rest; null after an error, shown like answer()'s.
export async function cutAnswer(view, path, query) {
  try {
    const { data, cut } = await Api.getCut(path, query);
    return { rows: data, notice: cut ? notice(`${Api.cutText(cut, data.length)}。请选下一级地区或缩短期间；要全部的行，请下载 CSV 或 Parquet 文件（下载的上限大得多）。`) : null };
  } catch (error) {
    append(view, errorBox(error.message));
    return null;
  }
}

export async function answer(view, path, query) {
  try {
    return await Api.get(path, query);
  } catch (error) {
    append(view, errorBox(error.message));
    return null;
  }
}
