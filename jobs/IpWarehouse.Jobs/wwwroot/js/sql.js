// SQL: read-only queries over the published warehouse for statisticians, with the data dictionary
// (every table and column with its COMMENT) beside the box. The server enforces the row and time limits
// and refuses file access, ATTACH, INSTALL/LOAD and SET; this page shows its message.
'use strict';

const SqlPage = {
  ready: false,

  open() {
    if (this.ready) return;
    this.ready = true;
    const run = document.getElementById('sql-run');
    if (!run.dataset.bound) {
      run.dataset.bound = '1';
      run.addEventListener('click', () => this.run());
      document.getElementById('sql-text').addEventListener('keydown', e => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') this.run();
      });
      document.getElementById('sql-csv').addEventListener('click', e => { e.preventDefault(); this.download(); });
    }
    this.loadDictionary();
  },

  async run() {
    const sql = document.getElementById('sql-text').value;
    const info = document.getElementById('sql-info');
    const started = performance.now();
    info.textContent = '正在查询…';
    try {
      const response = await fetch('/api/sql', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ sql }),
      });
      const rows = await Api.read(response);
      const cut = response.headers.get('X-Ipwh-Rows-Truncated-At');
      Dom.showError('sql-error', null);
      this.render(rows);
      info.textContent = `${rows.length} 行${cut ? `（结果超过 ${cut} 行，只显示前 ${cut} 行；请加 LIMIT 或聚合）` : ''}，用时 ${((performance.now() - started) / 1000).toFixed(2)} 秒`;
    } catch (error) {
      Dom.showError('sql-error', error);
      this.render([]);
      info.textContent = '查询被拒绝或出错。';
    }
  },

  render(rows) {
    const table = document.getElementById('sql-table');
    const columns = rows.length ? Object.keys(rows[0]) : [];
    table.tHead.replaceChildren(Dom.el('tr', {}, columns.map(c => Dom.el('th', {}, c))));
    table.tBodies[0].replaceChildren(...rows.map(row => Dom.el('tr', {}, columns.map(c => {
      const value = row[c];
      return Dom.el('td', { class: typeof value === 'number' ? 'num' : '' }, value === null ? 'NULL' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }))));
  },

  async download() {
    const sql = document.getElementById('sql-text').value;
    try {
      const response = await fetch('/api/sql?format=csv', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql }),
      });
      if (!response.ok) { await Api.read(response); return; }
      const blob = await response.blob();
      const link = Dom.el('a', { href: URL.createObjectURL(blob), download: 'query.csv' });
      document.body.append(link);
      link.click();
      link.remove();
      Dom.showError('sql-error', null);
    } catch (error) {
      Dom.showError('sql-error', error);
    }
  },

  async loadDictionary() {
    const body = document.getElementById('dictionary-body');
    try {
      const tables = await Api.get('/api/dictionary');
      body.replaceChildren(...tables.map(t => Dom.el('details', {},
        Dom.el('summary', { title: t.comment || '' }, t.table),
        Dom.el('p', { class: 'muted' }, t.comment || ''),
        Dom.el('dl', {}, (t.columns || []).map(c => [Dom.el('dt', {}, `${c.name}  ${c.type || ''}`), Dom.el('dd', {}, c.comment || '')])))));
    } catch (error) {
      body.textContent = `无法读取数据字典：${error.message}`;
    }
  },
};
