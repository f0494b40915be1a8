/** Plugin content types (uid plugin::chinese-variants.<name>). Neither is localized. */
export const GLOSSARY_UID = 'plugin::chinese-variants.glossary-term';
export const RECORD_UID = 'plugin::chinese-variants.sync-record';

const glossaryTerm = {
  kind: 'collectionType',
  collectionName: 'chinese_variants_glossary_terms',
  info: {
    singularName: 'glossary-term',
    pluralName: 'glossary-terms',
    displayName: 'Glossary term (Chinese variants)',
    description: 'A Simplified term and how each Traditional locale writes it: a replacement, or "keep as written" when the locale has none.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    // Unique per scope (the glossary guard checks it): one global term and one per document.
    term: { type: 'string', required: true, maxLength: 100 },
    // { "zh-Hant": "里耶" }: a locale listed here gets this replacement; a locale not listed keeps the term as written.
    replacements: { type: 'json' },
    note: { type: 'text' },
    enabled: { type: 'boolean', default: true, required: true },
    protected: { type: 'boolean', default: false },
    // A document-level term (an editor's choice in the ambiguity review) applies to that document only.
    scopeType: { type: 'string', maxLength: 200 },
    scopeDocument: { type: 'string', maxLength: 64 },
  },
};

/**
 * What the sync last wrote into one target version: hash of the written content and of the
 * source it came from. A target whose content no longer hashes to `writtenHash` was edited by hand.
 */
const syncRecord = {
  kind: 'collectionType',
  collectionName: 'chinese_variants_sync_records',
  info: {
    singularName: 'sync-record',
    pluralName: 'sync-records',
    displayName: 'Chinese variants sync record',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  indexes: [{ name: 'chinese_variants_sync_records_key_uq', columns: ['record_key'], type: 'unique' }],
  attributes: {
    recordKey: { type: 'string', required: true, maxLength: 255 },
    targetUid: { type: 'string', required: true, maxLength: 200 },
    targetDocumentId: { type: 'string', required: true, maxLength: 64 },
    locale: { type: 'string', required: true, maxLength: 35 },
    writtenHash: { type: 'string', maxLength: 64 },
    sourceHash: { type: 'string', maxLength: 64 },
    // the source's synced text fields when sourceHash was taken: what a stale target was based on
    sourceText: { type: 'json' },
    manual: { type: 'boolean', default: false },
    // updatedAt of the source and target drafts when last checked: equal → nothing to load or hash.
    sourceVersionAt: { type: 'string', maxLength: 40 },
    targetVersionAt: { type: 'string', maxLength: 40 },
    // glossary version the target was converted with: a glossary change re-converts on the next sync
    glossaryVersion: { type: 'string', maxLength: 100 },
    syncedAt: { type: 'datetime' },
  },
};

export default {
  'glossary-term': { schema: glossaryTerm },
  'sync-record': { schema: syncRecord },
};
