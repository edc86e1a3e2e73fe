// 目标: each region's targets for a year with progress, the year-end projection and the status, as
// `ipwh targets` reports them through /api/targets.
'use strict';

const TargetsPage = {
  ready: false,
  statusNames: { achieved: '已完成', on_track: '进度正常', at_risk: '有风险', off_track: '落后', missed: '未完成' },

  open(meta) {
    if (!this.ready) {
      this.ready = true;
      const form = document.getElementById('targets-form');
      Dom.fillSelect(document.getElementById('targets-year'),
        meta.years.slice().reverse().map(y => ({ value: y, label: `${y} 年` })),
        form.year.value || App.defaultYear());
      Dom.fillSelect(document.getElementById('targets-region'),
        [{ value: '', label: '全部' }].concat(meta.regions.map(r => ({ value: r.code, label: r.name }))), form.region.value);
      if (!form.dataset.bound) {
        form.dataset.bound = '1';
        form.addEventListener('change', () => this.refresh());
      }
    }
    this.refresh();
  },

  async refresh() {
    const form = document.getElementById('targets-form');
    let rows = [];
    try {
      rows = await Api.get('/api/targets', { year: form.year.value, region: form.region.value, asOf: form.asOf.value });
      Dom.showError('targets-error', null);
    } catch (error) {
      Dom.showError('targets-error', error);
    }
    const indicators = App.meta?.indicators || [];
    document.querySelector('#targets-table tbody').replaceChildren(...rows.map(row => {
      const indicator = indicators.find(i => i.code === row.indicator) || { name: row.indicator, unit: '' };
      const target = row.comparator && row.comparator.includes('parent')
        ? `${row.comparator} ${Fmt.number(row.target_value, indicator.unit)}`
        : `${row.comparator || ''} ${Fmt.number(row.target_value, indicator.unit)}`;
      const ratio = row.actual !== null && row.target_value ? Math.max(0, Math.min(1, row.actual / row.target_value)) : 0;
      return Dom.el('tr', {},
        Dom.el('td', {}, row.region_name || App.regionName(row.region_code)),
        Dom.el('td', {}, indicator.name),
        Dom.el('td', { class: 'num' }, target),
        Dom.el('td', { class: 'num' }, Fmt.number(row.actual, indicator.unit)),
        Dom.el('td', {}, Dom.el('span', { class: 'progress', title: `${Math.round(ratio * 100)}%` },
          Dom.el('span', { style: `width:${(ratio * 100).toFixed(1)}%` }))),
        Dom.el('td', { class: 'num' }, Fmt.number(row.projection ?? null, indicator.unit)),
        Dom.el('td', {}, Dom.el('span', { class: `status ${row.status}` }, this.statusNames[row.status] || row.status)));
    }));
  },
};
