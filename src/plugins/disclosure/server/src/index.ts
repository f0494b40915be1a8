import { mergeModules } from './utils/merge-modules';
import access from './modules/access';
import health from './modules/health';
import stats from './modules/stats';
import applications from './modules/applications';
import reports from './modules/reports';

// Each module owns its content types, routes, controllers and services; add new ones to this list.
export default mergeModules([access, health, stats, applications, reports]);
