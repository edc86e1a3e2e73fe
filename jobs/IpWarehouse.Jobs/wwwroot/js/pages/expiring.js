// 即将到期: patents whose term ends and trademarks whose registration expires within some months (ipwh expiring,
// /api/expiring), with owner, region, dates and the renewal window.
import { append, el, code } from '../core/dom.js';
import * as Filters from '../core/filters.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, homeRow, regionLabel, cutAnswer } from '../core/page.js';

const rightTypes = { invention: '发明', utility_model: '实用新型', design: '外观设计', ordinary: '普通商标', collective: '集体商标', certification: '证明商标' };
const windows = { not_open: '未到续展期', open: '续展期内', grace: '宽展期内' };

export default {
  async render(view, ctx) {
    const meta = ctx.meta;
    const p = Object.assign({ within: meta.regions.find(r => r.level === 'province')?.code || '', months: '6' }, ctx.params);
    const query = { within: p.within, months: p.months, kind: p.kind, asOf: p.asOf };
    append(view,
      heading(`${Filters.regionName(meta, p.within)} ${p.months} 个月内到期的专利和商标`),
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'within', label: '地区', options: Filters.regionOptions(meta) },
        { name: 'months', label: '月数', type: 'number', title: '1 到 120 个月' },
        { name: 'kind', label: '类型', options: [{ value: '', label: '专利和商标' }, { value: 'patents', label: '专利' }, { value: 'trademarks', label: '商标' }] },
        { name: 'asOf', label: '起算日', type: 'date', title: '默认今天' },
      ], links('/api/expiring', query, '与 ipwh expiring 的文件相同'), printButton()));
    const list = await cutAnswer(view, '/api/expiring', query);
    if (!list) return;
    const rows = list.rows;
    append(view, list.notice, el('p', { class: 'caption' },
      `${list.notice ? '列出' : '共'} ${rows.length} 件：专利保护期自申请日起算（发明 20 年、实用新型 10 年、外观设计 10 年或 15 年）；商标续展期自到期前 12 个月开始，到期后有 6 个月宽展期。`));
    append(view, dataTable({
      rows, rowAttrs: r => homeRow(ctx, r.region_code), pageSize: 200,
      empty: '该期间内没有到期的专利或商标。',
      columns: [
        { key: 'expiry_date', label: '到期日' },
        { key: 'days_left', label: '剩余天数', num: true },
        { key: 'kind', label: '类型', render: r => (r.kind === 'patents' ? '专利' : '商标') },
        { key: 'number', label: '申请号/注册号', render: r => code(r.number) },
        { key: 'right_type', label: '权利类型', render: r => rightTypes[r.right_type] || r.right_type },
        { key: 'owner', label: '权利人' },
        { key: 'region_name', label: '地区', render: r => regionLabel(ctx, r.region_code, r.region_name) },
        { key: 'renewal_window', label: '续展状态', render: r => (r.renewal_window ? windows[r.renewal_window] : '—') },
      ],
    }));
  },
};
