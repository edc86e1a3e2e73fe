// 未结案件: the cases open at a day by handling unit (ipwh cases --open, /api/cases): oldest first with their statutory
// limit and whether they are overdue, and the case figures per handling unit, case type or campaign (--by).
import { append, el, code } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, homeRow, regionLabel, answer, cutAnswer } from '../core/page.js';

const caseTypes = { trademark_infringement: '商标侵权', gi: '地理标志', patent_counterfeiting: '假冒专利', patent_dispute: '专利侵权纠纷', agency: '代理', copyright: '版权', other: '其他' };
const groupings = { department: '办案单位', case_type: '案件类型', campaign: '专项行动' };

export default {
  async render(view, ctx) {
    const meta = ctx.meta;
    const p = Object.assign({ within: meta.regions.find(r => r.level === 'province')?.code || '', by: 'department' }, ctx.params);
    const base = { within: p.within, asOf: p.asOf };
    append(view,
      heading(`${Filters.regionName(meta, p.within)} 未结与超期案件`),
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'within', label: '地区', options: Filters.regionOptions(meta) },
        { name: 'by', label: '分组', options: Object.entries(groupings).map(([value, label]) => ({ value, label })) },
        { name: 'asOf', label: '判断日', type: 'date', title: '默认今天' },
      ], links('/api/cases', base, '与 ipwh cases --open 的文件相同'), printButton()));
    const [groups, list] = [await answer(view, '/api/cases', { ...base, by: p.by }), await cutAnswer(view, '/api/cases', base)];
    if (!groups || !list) return;
    const open = list.rows;
    // The counts from the groups, which are never cut: the list below may show only its first rows.
    const total = key => groups.reduce((sum, g) => sum + g[key], 0);
    append(view, el('div', { class: 'cards', role: 'group', 'aria-label': '未结案件统计' },
      el('div', { class: 'card' }, el('span', { class: 'count' }, String(total('open_cases'))), '件未结'),
      el('div', { class: 'card' }, el('span', { class: 'count' }, String(total('overdue_cases'))), '件超期')));
    const label = groupings[p.by];
    append(view, el('h3', {}, `按${label}`), dataTable({
      rows: groups, pageSize: 100,
      columns: [
        { key: 'group', label, render: g => (g.group === null ? '（未填）' : p.by === 'case_type' ? caseTypes[g.group] || g.group : g.group) },
        { key: 'open_cases', label: '未结', num: true },
        { key: 'overdue_cases', label: '超期未结', num: true },
        { key: 'oldest_filed_date', label: '最早未结立案日', render: g => g.oldest_filed_date || '—' },
        { key: 'cases_filed', label: '今年立案', num: true },
        { key: 'cases_closed', label: '今年结案', num: true },
        { key: 'cases_transferred', label: '移送司法机关', num: true },
        { key: 'fines_amount', label: '罚没款（元）', num: true, render: g => Fmt.number(g.fines_amount, null, 2) },
      ],
    }));
    append(view, el('h3', {}, '未结案件（立案最早的在前）'), list.notice, el('p', { class: 'caption' },
      '办结期限：立案日 + 90 天 + 中止天数；专利侵权纠纷为立案日 + 3 个月 + 中止天数。'), dataTable({
      rows: open, rowAttrs: c => homeRow(ctx, c.region_code), pageSize: 200, className: 'wide',
      empty: '判断日没有未结案件。',
      columns: [
        { key: 'case_no', label: '案件编号', render: c => code(c.case_no) },
        { key: 'case_type', label: '案件类型', render: c => caseTypes[c.case_type] || c.case_type },
        { key: 'campaign', label: '专项行动', render: c => c.campaign || '—' },
        { key: 'department', label: '办案单位', render: c => c.department || '（未填）' },
        { key: 'region_name', label: '地区', render: c => regionLabel(ctx, c.region_code, c.region_name) },
        { key: 'filed_date', label: '立案日期' },
        { key: 'days_open', label: '已立案天数', num: true },
        { key: 'limit_date', label: '办结期限' },
        { key: 'overdue', label: '超期', render: c => (c.overdue ? el('span', { class: 'status off_track' }, `超期 ${c.days_past_limit} 天`) : '否') },
      ],
    }));
  },
};
