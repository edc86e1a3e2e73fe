// The console's shell: the publish it shows, the navigation (pages.js), routing by URL hash, and a periodic
// check for a new publish so every page shows it once it is complete.
import { el, clear, errorBox } from './dom.js';
import * as Api from './api.js';
import * as Fmt from './format.js';
import * as State from './state.js';
import { disposeAll } from './chart.js';
import { pages } from '../pages.js';

const empty = { years: [], data_years: [], indicators: [], regions: [], home_region: null };
let meta = null;
let metaError = null;
let rendering = 0;

export async function start() {
  window.addEventListener('hashchange', () => show());
  await refreshMeta();
  renderNav();
  await show();
  setInterval(poll, 15000);
}

async function refreshMeta() {
  try {
    const next = await Api.get('/api/meta');
    const changed = !meta || meta.batch_id !== next.batch_id;
    meta = next;
    metaError = null;
    Fmt.setTimeZone(meta.time_zone);
    const info = document.getElementById('publish-info');
    clear(info, meta.published_at
      ? ['数据截至 ', Fmt.dateTime(meta.published_at), '（批次 ', el('code', { class: 'code' }, meta.batch_id), '）']
      : '尚无已发布的数据：请先运行一次装载。');
    document.getElementById('print-publish').textContent = info.textContent;
    return changed;
  } catch (error) {
    metaError = error;
    document.getElementById('publish-info').textContent = `无法读取发布信息：${error.message}`;
    return false;
  }
}

function home() {
  const code = meta?.home_region;
  return code ? meta.regions.find(r => r.code === code) || { code, name: code, level: null, missing: true } : null;
}

function renderNav() {
  const mine = home();
  const label = p => (p.id === 'profile' && mine ? (mine.level === 'county' ? '我县' : mine.level === 'city' ? '我市' : '本地区') : p.title);
  clear(document.getElementById('nav'), pages.map(p => el('a', { href: `#${p.id}`, dataset: { page: p.id } }, label(p))));
}

async function poll() {
  const current = State.current();
  if (await refreshMeta()) {
    renderNav();
    show();
  } else if (current.page === 'runs') {
    pages.find(p => p.id === 'runs').module.refresh?.();
  }
}

function landing() {
  return meta?.home_region ? 'profile' : 'rank';
}

export async function show() {
  const { page: asked, params } = State.current();
  const page = pages.find(p => p.id === asked) || pages.find(p => p.id === landing());
  document.querySelectorAll('#nav a').forEach(a => {
    const active = a.dataset.page === page.id;
    a.classList.toggle('active', active);
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const mine = home();
  const view = el('section', { class: 'page', id: `page-${page.id}` });
  const token = ++rendering;
  const ctx = {
    meta: meta || empty,
    params,
    home: mine,
    page: page.id,
    // a new filter: into the URL, and the page drawn again
    go: next => { State.replace(page.id, next); ctx.params = next; draw(); },
    // the URL only (a page that redraws a part itself)
    replace: next => { State.replace(page.id, next); ctx.params = next; },
    link: (id, next) => State.href(id, next),
    stale: () => token !== rendering,
  };
  async function draw() {
    disposeAll();
    const fresh = el('section', { class: 'page', id: `page-${page.id}` });
    document.getElementById('view').replaceChildren(fresh);
    document.title = `${page.title} · IpWarehouse 知识产权指标仓库`;
    if (metaError && page.id !== 'runs') fresh.append(errorBox(`无法读取发布信息：${metaError.message}`));
    if (mine?.missing) fresh.append(errorBox(`配置的本地区 console.homeRegion = ${mine.code} 不在已发布的数据中：请检查 ipwh.json。`));
    const started = performance.now();
    try {
      await page.module.render(fresh, ctx);
    } catch (error) {
      fresh.append(errorBox(error.message || String(error)));
    }
    fresh.dataset.ready = 'true';
    fresh.dataset.renderMs = String(Math.round(performance.now() - started));
  }
  document.getElementById('view').replaceChildren(view);
  await draw();
}
