import { mergeModules } from './utils/merge-modules';
import access from './modules/access';
import health from './modules/health';
import storage from './modules/storage';
import stats from './modules/stats';
import applications from './modules/applications';
import reports from './modules/reports';
import search from './modules/search';
import feedback from './modules/feedback';
import online from './modules/online';

// Each module owns its content types, routes, controllers and services; add new ones to this list.
export default mergeModules([access, health, storage, stats, applications, reports, search, feedback, online]);

// The public surface for the host app: it imports these and nothing deeper (tests/unit/foundation/dependencies.test.ts).
export { fieldError } from './modules/common/field-error';
export { findReferenced, relationTarget, relationTargets, type RelationRef } from './modules/common/relations';
export { nextSequenceValue } from './modules/common/sequences';
export { FIELD_LABELS, isIsoDate, OUTCOME_CODES, shanghaiDate, shanghaiYear, toIsoDate } from './core/working-days';
export { APPLICANT_COLUMNS } from './core/annual-report';
export { EXPORT_FORMATS } from './modules/reports/controller';
export { REPORT_LOCALES } from './modules/reports/variants';
export { MAX_QUERY_LENGTH } from './core/search';
export { MAX_PAGE_SIZE as MAX_SEARCH_PAGE_SIZE } from './modules/search/controller';
export { SEARCHED, type SearchService } from './modules/search/service';
export { ENTRIES as SEARCH_TABLE } from './modules/storage/search-index';
