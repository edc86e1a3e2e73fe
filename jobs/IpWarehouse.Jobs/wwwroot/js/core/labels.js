// The Chinese words for the codes the API returns: statuses, triggers, phases, comparators, settings, columns.
export const runStatus = { running: '运行中', succeeded: '成功', partial: '部分成功', failed: '失败', cancelled: '已取消', skipped: '跳过' };

export const trigger = {
  schedule: '定时（夜间计划）', misfire: '补跑（错过的夜间装载）', takeover: '接管（另一节点中断的装载）', manual: '手动', demo: '演示数据', cli: '命令行', bench: '基准测试',
};

export const phase = {
  start: '开始', landing: '读取源数据', landed: '源数据已读取', validating: '校验', merging: '合并入仓', indicators: '计算指标',
  snapshot: '写快照', publishing: '发布', retrying: '重试', recovery: '恢复', done: '完成', failed: '失败',
};

export const jobState = { scheduled: '已计划', paused: '已暂停', running: '运行中', unscheduled: '未设置计划' };

export const store = {
  'Hangfire.Storage.SQLite': 'SQLite 文件（Hangfire）', 'Hangfire.PostgreSql': 'PostgreSQL（Hangfire）', 'Hangfire.SqlServer': 'SQL Server（Hangfire）',
};

export const targetStatus = { achieved: '已达成', on_track: '进度正常', at_risk: '有风险', off_track: '进度滞后', missed: '未达成' };

// ipwh reconcile's statuses, and how a fact was attributed to its region (INDICATORS.md, attribution).
export const reconcileStatus = { match: '一致', differs: '偏差', no_local: '无本地数', no_official: '无官方数' };

export const attribution = {
  code: '按区划代码', code_succeeded: '按已撤销代码的继承代码', address: '按申请人地址', credit_code: '按统一社会信用代码',
};

export const valueSource = { computed: '本系统计算', official: '官方公布数' };

// A plan period as people say it: 2021-2025 → 十四五（2021—2025）; other ranges as 2016—2018 (PlanningLabels.PlanPeriod).
export function planPeriod(period) {
  if (!period) return '—';
  const range = period.replace('-', '—');
  const from = Number(period.slice(0, 4));
  const plans = ['十一五', '十二五', '十三五', '十四五', '十五五'];
  const index = (from - 2006) / 5;
  return period === `${from}-${from + 4}` && Number.isInteger(index) && index >= 0 && index < plans.length ? `${plans[index]}（${range}）` : range;
}

export const comparator = { '>=': '不低于', '<=': '不高于', '>parent_avg': '高于上级' };

export const level = { province: '省', city: '市州', county: '县区' };

export const rule = {
  rights_protection_share: '维权补助超过实际支出50%', rights_protection_cap: '维权补助超过每案上限',
  paid_twice_across_levels: '跨层级重复资助', patent_application_ended: '专利申请阶段资助已取消',
};

export const program = {
  patent_grant: '专利授权资助', patent_application: '专利申请资助', annual_fee: '年费资助', rights_protection: '维权补助', pledge_interest: '质押贴息', other: '其他',
};

export const govLevel = { province: '省级', city: '市级', county: '县级', national: '国家级' };

export const reason = {
  missing_required: '必填项为空', bad_date: '日期无法识别或超出范围', bad_number: '数字无法识别或为负数',
  bad_enum: '取值不在允许范围内', bad_check_digit: '校验位错误', date_order: '日期先后矛盾',
  unknown_region: '行政区划代码不存在', region_unresolved: '无法从地址确定所属地区',
  bad_row_shape: '行结构错误（字段数与表头不符或跨行）',
};

// ipwh explain's counting rules, by the setting they come from.
export const setting = {
  attribution: '地区归属', excludeAbnormal: '非正常专利申请', trademarkYear: '商标统计年度', patentTerm: '专利保护期', highValueMaintainedYears: '高价值发明专利',
  populationType: '人口口径', caseOnTime: '案件按期办结', closureRate: '结案率', subsidyRules: '资助规则',
};

export const populationType = { resident: '常住人口', registered: '户籍人口' };

export const factColumn = {
  fact_table: '事实表', fact_key: '编号', event_date: '日期', amount: '计入量', region_code: '归属地区',
  source_name: '数据源', source_file: '文件', source_row: '行号', batch_id: '批次',
};

// A target as people read it: 不低于 100 件, 高于上级本级值.
export function target(comparatorCode, value, format) {
  if (!comparatorCode) return '—';
  return comparatorCode === '>parent_avg' ? '高于上级本级值' : `${comparator[comparatorCode] || comparatorCode} ${format(value)}`;
}

export function of(table, value) {
  return value === null || value === undefined ? '—' : (table[value] || value);
}

// A cron expression as people say it: "0 30 1 * * ?" (seconds first) or "30 1 * * *" → 每天 01:30. Anything else keeps its code.
export function schedule(cron) {
  if (!cron) return '未设置夜间计划';
  const parts = cron.trim().split(/\s+/);
  if (parts.length === 5) parts.unshift('0');
  const two = v => String(v).padStart(2, '0');
  if (parts.length >= 6 && /^\d+$/.test(parts[0]) && /^\d+$/.test(parts[1]) && /^\d+$/.test(parts[2])) {
    const time = `${two(parts[2])}:${two(parts[1])}`;
    if (parts[3] === '*' && parts[4] === '*' && ['?', '*'].includes(parts[5])) return `每天 ${time}`;
    const days = { MON: '一', TUE: '二', WED: '三', THU: '四', FRI: '五', SAT: '六', SUN: '日' };
    if (parts[3] === '?' && parts[4] === '*' && /^[A-Z]{3}(-[A-Z]{3})?$/.test(parts[5])) {
      const [from, to] = parts[5].split('-');
      return to ? `每周${days[from]}至周${days[to]} ${time}` : `每周${days[from]} ${time}`;
    }
  }
  return '自定义计划';
}

export function timeZone(id) {
  return { 'Asia/Shanghai': '北京时间', 'Asia/Urumqi': '乌鲁木齐时间', UTC: '协调世界时' }[id] || '服务器时区';
}
