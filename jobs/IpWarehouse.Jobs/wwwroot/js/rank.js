// 排名: the ranking of the regions under a parent region on one indicator, as a table and a bar chart
// with the parent's own value drawn as a line. The same question as `ipwh rank`, through /api/rank.
'use strict';

const RankPage = {
  ready: false,
  rows: [],
  chart: null,

  open(meta) {
    if (!this.ready) {
      this.ready = true;
      const form = document.getElementById('rank-form');
      Dom.fillSelect(document.getElementById('rank-indicator'),
        meta.indicators.map(i => ({ value: i.code, label: `${i.name}（${i.unit}）` })),
        this.value('indicator') || 'valid_invention_per_10k');
      Dom.fillSelect(document.getElementById('rank-year'),
        meta.years.slice().reverse().map(y => ({ value: y, label: `${y} 年` })),
        this.value('year') || App.defaultYear());
      const parents = meta.regions.filter(r => r.level === 'province' || r.level === 'city');
      Dom.fillSelect(document.getElementById('rank-within'),
        parents.map(r => ({ value: r.code, label: r.level === 'city' ? `　${r.name}` : r.name })),
        this.value('within') || (parents[0] && parents[0].code));
      if (!form.dataset.bound) {
        form.dataset.bound = '1';
        form.addEventListener('change', () => this.refresh());
        makeSortable(document.getElementById('rank-table'), () => this.rows, rows => this.renderTable(rows));
        window.addEventListener('resize', () => this.chart && this.chart.resize());
      }
    }
    this.refresh();
  },

  value(name) {
    const field = document.querySelector(`#rank-form [name="${name}"]`);
    return field ? field.value : '';
  },

  query() {
    return { indicator: this.value('indicator'), year: this.value('year'), within: this.value('within'),
      level: this.value('level'), asOf: this.value('asOf') };
  },

  async refresh() {
    const query = this.query();
    if (!query.indicator || !query.year || !query.within) return;
    document.getElementById('rank-csv').href = Api.url('/api/rank', Object.assign({}, query, { format: 'csv' }));
    document.getElementById('rank-xlsx').href = Api.url('/api/rank', Object.assign({}, query, { format: 'xlsx' }));
    try {
      this.rows = await Api.get('/api/rank', query);
      Dom.showError('rank-error', null);
    } catch (error) {
      this.rows = [];
      Dom.showError('rank-error', error);
    }
    this.renderCaption(query);
    this.renderTable(this.rows);
    this.renderChart(this.rows);
  },

  indicator() {
    const code = this.value('indicator');
    return (App.meta?.indicators || []).find(i => i.code === code) || { code, name: code, unit: '' };
  },

  parentValue(rows) {
    const row = rows.find(r => r.parent_value !== undefined);
    return row ? row.parent_value : null;
  },

  renderCaption(query) {
    const indicator = this.indicator();
    const parentValue = this.parentValue(this.rows);
    const period = query.asOf ? `${query.year} 年（截至 ${query.asOf}）` : `${query.year} 年`;
    const parent = App.regionName(query.within);
    const counted = this.rows.filter(r => r.rank !== null && r.rank !== undefined).length;
    document.getElementById('rank-caption').textContent =
      `${parent} ${period} ${indicator.name}：${counted} 个地区参与排名` +
      (parentValue === null || parentValue === undefined ? '' : `，${parent}整体 ${Fmt.number(parentValue, indicator.unit)}`) +
      '。点击数值可查看数据来源。';
  },

  renderTable(rows) {
    const indicator = this.indicator();
    const year = this.value('year');
    const body = document.querySelector('#rank-table tbody');
    body.replaceChildren(...rows.map(row => {
      const change = row.rank_change;
      const changeCell = change === null || change === undefined
        ? Dom.el('td', { class: 'num' }, '—')
        : Dom.el('td', { class: `num ${change > 0 ? 'up' : change < 0 ? 'down' : ''}` },
            change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '—');
      const above = row.above_parent === true ? Dom.el('span', { class: 'above' }, '高于上级')
        : row.above_parent === false ? Dom.el('span', { class: 'below' }, '低于上级') : '—';
      const value = row.value === null || row.value === undefined ? '无数据'
        : Dom.el('a', { class: 'explain', title: '查看数据来源', onclick: () => showExplain(indicator.code, year, row.region_code) },
            Fmt.number(row.value, indicator.unit));
      return Dom.el('tr', { dataset: { region: row.region_code } },
        Dom.el('td', { class: 'num' }, row.rank ?? '—'),
        Dom.el('td', {}, row.region_name),
        Dom.el('td', { class: 'num' }, value),
        Dom.el('td', { class: 'num' }, row.previous_rank ?? '—'),
        changeCell,
        Dom.el('td', {}, above));
    }));
  },

  renderChart(rows) {
    if (typeof echarts === 'undefined') return;
    const container = document.getElementById('rank-chart');
    if (!this.chart) this.chart = echarts.init(container, null, { renderer: 'canvas' });
    const indicator = this.indicator();
    const ranked = rows.filter(r => r.value !== null && r.value !== undefined);
    const parentValue = this.parentValue(rows);
    this.chart.setOption({
      animation: false,
      grid: { left: 60, right: 30, top: 40, bottom: 90 },
      tooltip: { trigger: 'axis', valueFormatter: v => Fmt.number(v, indicator.unit) },
      title: { text: `${indicator.name}（${indicator.unit}）`, left: 'center', textStyle: { fontSize: 14 } },
      xAxis: { type: 'category', data: ranked.map(r => r.region_name), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', name: indicator.unit },
      series: [{
        name: indicator.name, type: 'bar', data: ranked.map(r => r.value), itemStyle: { color: '#1f5fa8' },
        markLine: parentValue === null || parentValue === undefined ? undefined : {
          symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' },
          label: { position: 'insideEndTop', formatter: `${App.regionName(this.value('within'))}整体 ${Fmt.number(parentValue, indicator.unit)}` },
          data: [{ yAxis: parentValue, name: '上级地区' }],
        },
      }],
    }, true);
    container.dataset.bars = String(ranked.length);
  },
};
