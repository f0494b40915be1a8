import { mergeModules } from './utils/merge-modules';
import health from './modules/health';

// Each module owns its content types, routes, controllers and services; add new ones to this list.
export default mergeModules([health]);
