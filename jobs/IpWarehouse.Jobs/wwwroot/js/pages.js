// The console's pages, in the order of the navigation: one module per page under pages/. A new page is a
// module with { render(view, ctx) } and one line here.
import profile from './pages/profile.js';
import rank from './pages/rank.js';
import map from './pages/map.js';
import trend from './pages/trend.js';
import targets from './pages/targets.js';
import reconcile from './pages/reconcile.js';
import violations from './pages/violations.js';
import index from './pages/index.js';
import expiring from './pages/expiring.js';
import cases from './pages/cases.js';
import runs from './pages/runs.js';
import sql from './pages/sql.js';

export const pages = [
  { id: 'profile', title: '地区概况', module: profile },
  { id: 'rank', title: '排名', module: rank },
  { id: 'map', title: '地图', module: map },
  { id: 'trend', title: '趋势', module: trend },
  { id: 'targets', title: '目标', module: targets },
  { id: 'reconcile', title: '对账', module: reconcile },
  { id: 'violations', title: '违规资助', module: violations },
  { id: 'index', title: '评价指数', module: index },
  { id: 'expiring', title: '即将到期', module: expiring },
  { id: 'cases', title: '未结案件', module: cases },
  { id: 'runs', title: '运行', module: runs },
  { id: 'sql', title: 'SQL', module: sql },
];
