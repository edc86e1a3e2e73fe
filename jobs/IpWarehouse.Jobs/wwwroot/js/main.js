// The console's entry point (an ES module, loaded after ECharts).
import { start } from './core/app.js';

start();
