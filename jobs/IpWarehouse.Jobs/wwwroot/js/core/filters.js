// The filter bar every planning page starts with, and the choices it offers, built from /api/meta. A change
// goes to the URL (see state.js) and redraws the page.
import { el, field, select } from './dom.js';
import * as Labels from './labels.js';

export function indicatorOptions(meta) {
  return meta.indicators.map(i => ({ value: i.code, label: `${i.name}（${i.unit}）` }));
}

// Only years with data are offered: the mart also holds the years of targets ahead, where every count is 0.
// A year from a bookmark that has none is kept in the list, marked, and the page says so.
export function yearOptions(meta, selected) {
  const years = (meta.data_years || []).slice().reverse();
  const options = years.map(y => ({ value: y, label: `${y} 年` }));
  if (selected && !years.map(String).includes(String(selected))) options.unshift({ value: selected, label: `${selected} 年（无数据）` });
  return options;
}

export function defaultYear(meta) {
  const years = meta.data_years && meta.data_years.length ? meta.data_years : meta.years;
  return years.length ? String(years[years.length - 1]) : '';
}

function indent(region) {
  return region.level === 'province' ? '' : region.level === 'city' ? '　' : '　　';
}

// Regions a ranking or map can be drawn within: provinces and prefectures.
export function parentOptions(meta) {
  return meta.regions.filter(r => r.level !== 'county').map(r => ({ value: r.code, label: indent(r) + r.name }));
}

export function regionOptions(meta) {
  return meta.regions.map(r => ({ value: r.code, label: indent(r) + r.name }));
}

export function region(meta, code) {
  return meta.regions.find(r => r.code === code);
}

export function regionName(meta, code) {
  return region(meta, code)?.name || code;
}

export function indicator(meta, code) {
  return meta.indicators.find(i => i.code === code) || { code, name: code, unit: '' };
}

export function levelOptions(parentLevel) {
  return parentLevel === 'province'
    ? [{ value: '', label: '市州（下一级）' }, { value: 'county', label: '全部县区' }]
    : [{ value: '', label: '县区（下一级）' }];
}

// fields: [{ name, label, options } | { name, label, type: 'date', title }]; values from ctx.params.
export function filterBar(ctx, fields, ...extra) {
  const form = el('form', { class: 'filters', onsubmit: e => e.preventDefault() },
    fields.map(f => field(f.label, f.options
      ? select(f.name, f.options, ctx.params[f.name])
      : el('input', { name: f.name, type: f.type || 'text', value: ctx.params[f.name] || '', title: f.title || null, placeholder: f.placeholder || null }))),
    extra);
  form.addEventListener('change', e => {
    if (!e.target.name) return;
    ctx.go(Object.assign({}, ctx.params, { [e.target.name]: e.target.value }));
  });
  return form;
}

export function levelName(level) {
  return Labels.of(Labels.level, level);
}

// The filters of a ranking and of its map: indicator, year, the parent region and the level below it.
export function rankingFields(meta, p, parent) {
  return [
    { name: 'indicator', label: '指标', options: indicatorOptions(meta) },
    { name: 'year', label: '年度', options: yearOptions(meta, p.year) },
    { name: 'within', label: '上级地区', options: parentOptions(meta) },
    { name: 'level', label: '层级', options: levelOptions(parent?.level) },
  ];
}
