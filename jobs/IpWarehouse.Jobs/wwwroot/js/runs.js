// 运行: the scheduler's state and next fire time, run now / pause / resume / cancel, the run history with
// per-source counts and stale sources, and a batch's quarantined rows. Refreshed while the page is open.
'use strict';

const RunsPage = {
  ready: false,
  statusNames: { running: '运行中', succeeded: '成功', partial: '部分成功', failed: '失败', cancelled: '已取消' },
  jobNames: { run: '立即运行', pause: '暂停', resume: '恢复', cancel: '取消当前运行' },
  // SOURCES.md's reason codes; the code itself stays visible, it is what scripts and `ipwh rejects` print.
  reasonNames: {
    missing_required: '必填项为空', bad_date: '日期无法识别或超出范围', bad_number: '数字无法识别或为负数',
    bad_enum: '取值不在允许范围内', bad_check_digit: '校验位错误', date_order: '日期先后矛盾',
    unknown_region: '行政区划代码不存在', region_unresolved: '无法从地址确定所属地区',
  },

  open() {
    if (!this.ready) {
      this.ready = true;
      document.querySelectorAll('[data-job]').forEach(button => {
        if (button.dataset.bound) return;
        button.dataset.bound = '1';
        button.addEventListener('click', () => this.control(button.dataset.job));
      });
    }
    this.refresh();
  },

  async refresh() {
    await Promise.all([this.refreshJobs(), this.refreshRuns()]);
  },

  async refreshJobs() {
    const card = document.getElementById('job-state');
    try {
      const job = await Api.get('/api/jobs');
      const running = job.running;
      const zoned = text => Fmt.dateTime(text, job.time_zone);
      card.replaceChildren(...[
        Dom.el('div', {}, Dom.el('strong', {}, '夜间装载'), `　状态：${this.jobState(job.state)}`,
          `　计划：${job.schedule || '未设置 schedule.nightly'}（${job.time_zone}）`),
        Dom.el('div', {}, `下次运行：${zoned(job.next_fire_time)}　上次触发：${zoned(job.previous_fire_time)}（${job.time_zone}）`),
        running ? Dom.el('div', { class: 'running' },
          `正在运行：批次 ${running.batch_id || '（准备中）'}，${running.phase ? `阶段 ${running.phase}` : ''}${running.source ? `，数据源 ${running.source}` : ''}` +
          `，开始于 ${Fmt.dateTime(running.started_at)}${running.cancel_requested ? '（已请求取消）' : ''}`) : null,
        Dom.el('div', { class: 'muted' }, `作业库：${job.store}${job.clustered ? '（集群）' : ''}　节点：${job.node}`),
      ].filter(Boolean));
    } catch (error) {
      card.textContent = error.status === 404
        ? '调度器未运行：用 ./ipwh serve 启动后可在此运行、暂停和取消装载。'
        : `无法读取调度状态：${error.message}`;
    }
  },

  jobState(state) {
    return { scheduled: '已计划', paused: '已暂停', running: '运行中', unscheduled: '未设置计划' }[state] || state;
  },

  async control(action) {
    const token = document.getElementById('operator-token').value;
    const message = document.getElementById('job-message');
    try {
      await Api.post(`/api/jobs/${action}`, {}, token ? { Authorization: `Bearer ${token}` } : {});
      message.textContent = `已发送：${this.jobNames[action]}`;
    } catch (error) {
      message.textContent = `${this.jobNames[action]}失败：${error.message}`;
    }
    this.refresh();
  },

  async refreshRuns() {
    let runs = [];
    try {
      runs = await Api.get('/api/runs');
      Dom.showError('runs-error', null);
    } catch (error) {
      Dom.showError('runs-error', error);
    }
    const rows = [];
    for (const run of runs) {
      const sources = run.sources && run.sources.length ? run.sources : [{}];
      const seconds = run.finished_at && run.started_at ? (new Date(run.finished_at) - new Date(run.started_at)) / 1000 : null;
      sources.forEach((source, index) => {
        const stale = source.stale
          ? Dom.el('span', { class: 'stale', title: '该数据源本次失败，已发布的仍是上次成功装载的数据' },
              `（数据陈旧：截至 ${Fmt.dateTime(source.stale_data_as_of)}，已 ${source.stale_age_hours} 小时）`) : '';
        rows.push(Dom.el('tr', { class: 'clickable', dataset: { batch: run.batch_id }, onclick: () => this.showRejects(run.batch_id) },
          Dom.el('td', {}, index === 0 ? String(run.batch_id) : ''),
          Dom.el('td', {}, index === 0 ? (this.statusNames[run.status] || run.status) : ''),
          Dom.el('td', {}, index === 0 ? (run.trigger || '') : ''),
          Dom.el('td', {}, index === 0 ? Fmt.dateTime(run.started_at) : ''),
          Dom.el('td', { class: 'num' }, index === 0 ? Fmt.duration(seconds) : ''),
          Dom.el('td', {}, source.name || '', source.status && source.status !== 'succeeded' ? `（${this.statusNames[source.status] || source.status}）` : '', stale),
          Dom.el('td', { class: 'num' }, Fmt.number(source.rows_read ?? null)),
          Dom.el('td', { class: 'num' }, Fmt.number(source.rows_accepted ?? null)),
          Dom.el('td', { class: 'num' }, Fmt.number(source.rows_quarantined ?? null))));
      });
    }
    document.querySelector('#runs-table tbody').replaceChildren(...rows);
  },

  async showRejects(batch) {
    const box = document.getElementById('rejects');
    box.hidden = false;
    document.getElementById('rejects-title').textContent = `批次 ${batch} 的隔离数据`;
    let rows = [];
    try {
      rows = await Api.get('/api/rejects', { batch });
    } catch (error) {
      Dom.showError('runs-error', error);
    }
    document.querySelector('#rejects-table tbody').replaceChildren(...(rows.length ? rows.map(r => Dom.el('tr', {},
      Dom.el('td', {}, r.source), Dom.el('td', {}, r.file ?? ''), Dom.el('td', { class: 'num' }, r.row ?? ''),
      Dom.el('td', {}, r.column ?? ''), Dom.el('td', {}, r.value ?? ''), Dom.el('td', { title: r.message || '' }, `${this.reasonNames[r.reason] || ''} ${r.reason}`)))
      : [Dom.el('tr', {}, Dom.el('td', { colspan: 6 }, '该批次没有隔离数据。'))]));
  },
};
