// 违规资助: the subsidy payments of a year that break a subsidy rule (ipwh violations, /api/violations): the rule
// broken, what was exceeded, the payment and its source; downloadable as the CLI's files.
import { append, el, code } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Labels from '../core/labels.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, homeRow, regionLabel, answer } from '../core/page.js';

export default {
  async render(view, ctx) {
    const meta = ctx.meta;
    const p = Object.assign({ year: Filters.defaultYear(meta) }, ctx.params);
    append(view,
      heading(`${p.year} 年违规资助`),
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'year', label: '支付年度', options: Filters.yearOptions(meta, p.year) },
        { name: 'rule', label: '违反规则', options: [{ value: '', label: '全部规则' }].concat(Object.entries(Labels.rule).map(([value, label]) => ({ value, label }))) },
      ], links('/api/violations', { year: p.year }, '与 ipwh violations 的文件相同（按年度，不含规则筛选）'), printButton()));
    const rows = await answer(view, '/api/violations', { year: p.year });
    if (!rows) return;
    const shown = rows.filter(r => !p.rule || r.rule === p.rule);
    const payments = new Set(shown.map(r => r.payment_no)).size;
    const amount = [...new Map(shown.map(r => [r.payment_no, r.paid_amount])).values()].reduce((a, b) => a + b, 0);
    append(view, el('p', { class: 'caption' }, `${shown.length} 条违规，涉及 ${payments} 笔支付，合计 ${Fmt.number(amount, '元', 2)}。同一笔支付违反多条规则时每条一行。`));
    append(view, dataTable({
      rows: shown, rowAttrs: r => homeRow(ctx, r.region_code), pageSize: 200, className: 'wide',
      empty: '该年度没有违反资助规则的支付。',
      columns: [
        { key: 'paid_date', label: '支付日期' },
        { key: 'payment_no', label: '支付编号', render: r => code(r.payment_no) },
        { key: 'region_name', label: '地区', render: r => [regionLabel(ctx, r.region_code, r.region_name), el('div', { class: 'muted' }, Labels.of(Labels.govLevel, r.gov_level))] },
        { key: 'program', label: '资助项目', render: r => Labels.of(Labels.program, r.program) },
        { key: 'rule', label: '违反规则', render: r => Labels.of(Labels.rule, r.rule) },
        { key: 'detail', label: '情况', sortable: false },
        { key: 'paid_amount', label: '支付金额（元）', num: true, render: r => Fmt.number(r.paid_amount, null, 2) },
        { key: 'limit_amount', label: '限额（元）', num: true, render: r => Fmt.number(r.limit_amount, null, 2) },
        { key: 'first_payment_no', label: '首笔支付', render: r => (r.first_payment_no ? code(r.first_payment_no) : '—') },
        { key: 'source_name', label: '来源', sortable: false, render: r => [code(r.source_name), ` 第 ${r.source_row ?? '—'} 行`] },
      ],
    }));
  },
};
