import conversion from './conversion';
import glossary from './glossary';
import sync from './sync';
import backfill from './backfill';
import review from './review';

export default { conversion, glossary, sync, backfill, review };
