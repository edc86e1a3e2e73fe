// The console's shell: publish information, page switching by URL hash, periodic refresh of the
// publish so every page shows a new publish once it is complete.
'use strict';

const App = {
  meta: null,
  pages: { rank: RankPage, targets: TargetsPage, runs: RunsPage, sql: SqlPage },
  current: null,

  async start() {
    window.addEventListener('hashchange', () => App.show());
    try {
      await App.refreshMeta();
    } catch (error) {
      document.getElementById('publish-info').textContent = `无法读取发布信息：${error.message}`;
    }
    App.show();
    setInterval(App.poll, 15000);
  },

  async refreshMeta() {
    const meta = await Api.get('/api/meta');
    const changed = !App.meta || App.meta.batch_id !== meta.batch_id;
    App.meta = meta;
    const info = document.getElementById('publish-info');
    info.textContent = meta.published_at
      ? `数据截至 ${Fmt.dateTime(meta.published_at)}（批次 ${meta.batch_id}）`
      : '尚无已发布的数据：请先运行一次装载。';
    return changed;
  },

  async poll() {
    try {
      if (await App.refreshMeta()) {
        Object.values(App.pages).forEach(p => { p.ready = false; });
        App.show();
      } else if (App.current === RunsPage) {
        RunsPage.refresh();
      }
    } catch { /* keep showing the last publish; the next poll retries */ }
  },

  show() {
    const name = (location.hash || '#rank').slice(1);
    const page = App.pages[name] ? name : 'rank';
    document.querySelectorAll('.page').forEach(s => { s.hidden = s.id !== `page-${page}`; });
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === page));
    App.current = App.pages[page];
    App.current.open(App.meta || { years: [], indicators: [], regions: [] });
  },

  // The last year with data: the mart also holds the years of targets ahead, which have no facts yet.
  defaultYear() {
    const years = App.meta?.data_years?.length ? App.meta.data_years : (App.meta?.years || []);
    return years[years.length - 1];
  },

  regionName(code) {
    const region = (App.meta?.regions || []).find(r => r.code === code);
    return region ? region.name : code;
  },
};

document.addEventListener('DOMContentLoaded', () => App.start());
