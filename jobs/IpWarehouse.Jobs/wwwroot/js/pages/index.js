// 评价指数: the regions under a region scored by an evaluation index of ipwh.json (ipwh index, /api/index): total and
// dimension scores, a radar of the dimensions per region, and each indicator's part (explain).
import { append, el } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Chart from '../core/chart.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, homeRow, regionLabel, answer } from '../core/page.js';

const normalisations = { min_max: '极差标准化', zscore: '标准分数', ratio_to_parent: '与上级之比', ratio_to_target: '目标完成率' };

export default {
  async render(view, ctx) {
    const meta = ctx.meta;
    const indexes = await answer(view, '/api/indexes', {});
    if (!indexes) return;
    if (indexes.length === 0) {
      append(view, heading('评价指数'), el('p', { class: 'empty' }, 'ipwh.json 中没有配置评价指数（indexes）：权重应取自本地的考核文件，见运维手册。'));
      return;
    }
    const p = Object.assign({ name: indexes[0].name, year: Filters.defaultYear(meta), within: meta.regions.find(r => r.level === 'province')?.code || '' }, ctx.params);
    const query = { name: p.name, year: p.year, within: p.within, level: p.level, explain: 'true' };
    append(view,
      heading(`${p.name} · ${Filters.regionName(meta, p.within)} · ${p.year} 年`),
      Filters.filterBar({ ...ctx, params: p }, [
        { name: 'name', label: '评价指数', options: indexes.map(x => ({ value: x.name, label: x.name })) },
        { name: 'year', label: '年度', options: Filters.yearOptions(meta, p.year) },
        { name: 'within', label: '范围', options: Filters.parentOptions(meta) },
        { name: 'level', label: '层级', options: [{ value: '', label: '下一级' }, { value: 'city', label: '市州' }, { value: 'county', label: '县区' }] },
      ], links('/api/index', { name: p.name, year: p.year, within: p.within, level: p.level }, '与 ipwh index 的文件相同'), printButton()));
    const charts = Chart.load();
    const rows = await answer(view, '/api/index', query);
    if (!rows) return;
    const index = indexes.find(x => x.name === p.name);
    const dimensions = index ? index.dimensions.map(d => d.name) : Object.keys(rows[0]?.dimensions || {});
    const missing = rows[0]?.missing === 'zero' ? '缺值指标按 0 分计' : '缺值指标不计分，权重在维度内重新分配';
    append(view, el('p', { class: 'caption' }, `得分为各维度得分按维度权重的加权平均；${missing}。权重取自 ipwh.json，不是本系统的判断。`));
    append(view, dataTable({
      rows, rowAttrs: r => homeRow(ctx, r.region_code), pageSize: 200,
      columns: [
        { key: 'rank', label: '排名', num: true, render: r => (r.rank ?? '—') },
        { key: 'region_name', label: '地区', render: r => regionLabel(ctx, r.region_code, r.region_name) },
        { key: 'score', label: '总得分', num: true, render: r => Fmt.number(r.score, null, 2) },
        ...dimensions.map(d => ({ key: `dim:${d}`, label: d, num: true, sort: r => r.dimensions[d], render: r => Fmt.number(r.dimensions[d], null, 2) })),
        { key: 'missing_indicators', label: '缺值指标', num: true },
      ],
    }));
    await charts;
    const mean = dimensions.map(d => {
      const values = rows.map(r => r.dimensions[d]).filter(v => v !== null && v !== undefined);
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    });
    const max = Math.max(100, ...rows.flatMap(r => dimensions.map(d => r.dimensions[d] ?? 0)));
    const grid = el('div', { class: 'radar-grid' });
    append(view, el('h3', {}, '各地区维度得分'), grid);
    for (const r of rows) {
      const box = el('div', { class: 'chart radar', role: 'img', 'aria-label': `${r.region_name}维度得分雷达图` });
      grid.append(box);
      Chart.radar(box, { title: `${r.rank ?? '—'}. ${r.region_name} ${Fmt.number(r.score, null, 1)}`, dimensions, values: dimensions.map(d => r.dimensions[d] ?? 0), mean, max });
    }
    append(view, el('h3', {}, '计算明细'), dataTable({
      rows: rows.flatMap(r => r.indicators.map(i => ({ ...i, region_code: r.region_code, region_name: r.region_name, rank: r.rank }))),
      pageSize: 100, className: 'wide',
      columns: [
        { key: 'region_name', label: '地区' },
        { key: 'dimension', label: '维度' },
        { key: 'indicator', label: '指标', render: i => Filters.indicator(meta, i.indicator)?.name || i.indicator },
        { key: 'value', label: '指标值', num: true, render: i => Fmt.number(i.value) },
        { key: 'normalise', label: '标准化', render: i => normalisations[i.normalise] + (i.cap === null ? '' : `（上限 ${i.cap}）`) },
        { key: 'normalised', label: '标准化值', num: true, render: i => (i.missing ? '缺值' : Fmt.number(i.normalised, null, 2)) },
        { key: 'weight', label: '权重', num: true },
        { key: 'contribution', label: '贡献分', num: true, render: i => Fmt.number(i.contribution, null, 2) },
      ],
    }));
  },
};
