// The breakdown `ipwh explain` prints, in a dialog: value, definition, numerator, denominator, population,
// the counting rules in Chinese, and the first facts counted with their source and batch.
import { el, code, clear, errorBox } from './dom.js';
import * as Api from './api.js';
import * as Fmt from './format.js';
import * as Labels from './labels.js';
import { dataTable } from './table.js';

// fromYear: the first year of a range of whole years ending in `year` (ipwh explain --from-year); null for the year.
export async function showExplain(indicator, year, region, fromYear) {
  const dialog = document.getElementById('explain-dialog');
  const body = document.getElementById('explain-body');
  document.getElementById('explain-title').textContent = '数据来源';
  clear(body, el('p', { class: 'muted' }, '正在读取…'));
  if (!dialog.open) dialog.showModal();
  try {
    const data = await Api.get('/api/explain', { indicator, year, region, fromYear });
    clear(body, render(Array.isArray(data) ? data[0] : data));
  } catch (error) {
    clear(body, errorBox(error.message));
  }
}

// A rule's text is "code：说明" for some settings (first_applicant：计入第一申请人…): the code is shown as a code.
export function ruleText(value) {
  const at = value.indexOf('：');
  return at > 0 && /^[a-z_]+$/.test(value.slice(0, at)) ? [value.slice(at + 1), '（', code(value.slice(0, at)), '）'] : value;
}

function render(e) {
  const period = /^\d{4}-\d{4}$/.test(e.period || '') ? e.period.replace('-', '—') : e.year;
  document.getElementById('explain-title').textContent = `${e.region_name} ${period} 年${e.indicator_name}的数据来源`;
  const population = e.population;
  const summary = [
    ['数值', e.value === null ? '无数值' : `${Fmt.number(e.value, e.unit, 4)}`],
    ['定义', code(e.definition)],
    ['统计期间', `${e.period_start} 至 ${e.period_end}`],
    [`分子：${e.numerator_label || ''}`, Fmt.number(e.numerator)],
    e.denominator_label ? [`分母：${e.denominator_label}`, Fmt.number(e.denominator)] : null,
    population ? ['所用人口', [`${Fmt.number(population.population)} 人（${Labels.of(Labels.populationType, population.population_type)}，${population.year} 年，来源 `,
      code(population.source_name), `，第 ${population.source_row} 行，批次 `, code(population.batch_id), '）']] : null,
    ['计算时间', Fmt.dateTime(e.computed_at)],
  ].filter(Boolean);
  const facts = e.facts || [];
  const columns = facts.length ? Object.keys(facts[0]).map(key => ({
    key, label: Labels.factColumn[key] || key, num: ['amount', 'source_row'].includes(key),
    render: r => (['amount', 'source_row'].includes(key) ? Fmt.number(r[key]) : code(r[key])),
  })) : [];
  return el('div', { class: 'explain' },
    el('dl', { class: 'explain-summary' }, summary.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    e.rules && e.rules.length ? [el('h3', {}, '计数口径'),
      el('ul', {}, e.rules.map(r => el('li', {}, el('strong', {}, `${Labels.of(Labels.setting, r.setting)}：`), ruleText(r.value))))] : null,
    el('h3', {}, `计入的记录：共 ${Fmt.number(e.facts_total ?? facts.length)} 条${facts.length < (e.facts_total ?? 0) ? `，下列前 ${facts.length} 条` : ''}`),
    facts.length ? dataTable({ columns, rows: facts, sortable: false, className: 'compact' }) : null);
}
