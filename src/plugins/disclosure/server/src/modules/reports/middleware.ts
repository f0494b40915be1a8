/**
 * Annual-report rules on every write path (admin, content API, scripts), as a Document Service middleware:
 *  - every save stores the validation of the tables it leaves (hand-edited tables included), sets the
 *    format from the year, and turns hand edits of overridable Table 2 cells into overrides;
 *  - the computed fields (validation, warningsAcknowledgement) are only written by this module;
 *  - publishing (publish, or create/update with status 'published') is refused with 400 when the tables
 *    break an error rule or carry warnings nobody acknowledged.
 */
import type { Core } from '@strapi/strapi';
import { formatVersionForYear, type LooseTables } from '../../core/annual-report';
import { fieldError } from '../common/field-error';
import { relationTarget } from '../common/relations';
import { isInternalWrite } from './context';
import { detectOverrides, readOverrides } from './overrides';
import { assertPublishable, REPORT_UID, validateTables } from './validation';
import { previousFigures } from './previous-year';
import { assertProsePublishable, validateProse, type ProseSubject } from './prose-rules';
import { SOURCE_LOCALE } from './variants';

/** Fields only this plugin writes: a client's value is dropped. */
const COMPUTED = ['validation', 'warningsAcknowledgement', 'generatedProse', 'previousGeneration', 'proseAcknowledgement'] as const;
const PROSE_FIELDS = ['overview', 'problems', 'otherMatters'] as const;

/** The draft version of one locale, with everything the prose checker reads. */
async function localeDraft(
  strapi: Core.Strapi,
  documentId: string,
  locale: string,
): Promise<(ProseSubject & { organization?: any; proseAcknowledgement?: unknown }) | null> {
  const rows: any[] = await strapi.db.query(REPORT_UID).findMany({
    where: { documentId, locale },
    populate: { organization: { select: ['documentId'] } },
  });
  return rows.find((r) => !r.publishedAt) ?? rows[0] ?? null;
}

async function draftRow(strapi: Core.Strapi, documentId: string) {
  const rows: any[] = await strapi.db.query(REPORT_UID).findMany({
    where: { documentId },
    select: ['id', 'year', 'formatVersion', 'tables', 'overrides', 'processingFeeYuan', 'warningsAcknowledgement', 'validation', 'publishedAt', 'locale'],
    populate: { organization: { select: ['documentId'] } },
  });
  return rows.find((r) => !r.publishedAt) ?? rows[0] ?? null;
}

async function organizationOf(strapi: Core.Strapi, value: unknown, fallback: string | undefined): Promise<string | undefined> {
  const ref = relationTarget(value);
  if (ref === undefined) return fallback;
  if (ref === null) return undefined;
  if ('documentId' in ref) return ref.documentId;
  const org = await strapi.db.query('api::organization.organization').findOne({ where: { id: ref.id }, select: ['documentId'] });
  return org?.documentId;
}

async function beforeSave(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  params.data ??= {};
  const data: Record<string, any> = params.data;
  const existing = action === 'update' && params.documentId ? await draftRow(strapi, params.documentId) : null;
  const internal = isInternalWrite();
  if (!internal) for (const f of COMPUTED) delete data[f];
  const year = Number(data.year ?? existing?.year) || undefined;
  const given = data.formatVersion;
  if (given !== undefined && given !== null && ![2019, 2021].includes(Number(given))) {
    throw fieldError(
      'formatVersion',
      '“报告格式”须为2021（国办公开办函〔2021〕30号）或2019（2019—2020年试行格式）',
      'formatVersion must be 2021 (国办公开办函〔2021〕30号) or 2019 (the 2019–2020 trial format)',
    );
  }
  // The format follows the year: the trial format for 2019 and 2020, the 2021 format after.
  if (year && year >= 2019) data.formatVersion = Number(formatVersionForYear(year));
  const formatVersion = data.formatVersion ?? existing?.formatVersion ?? 2021;
  const tables: LooseTables | null = data.tables !== undefined ? data.tables : (existing?.tables ?? null);

  if (!internal && existing && data.tables !== undefined && data.tables && typeof data.tables === 'object') {
    const current = readOverrides(data.overrides !== undefined ? data.overrides : existing.overrides);
    const next = detectOverrides(existing.tables, data.tables, current, formatVersion);
    if (next !== current) data.overrides = { ...next, updatedAt: new Date().toISOString() };
  }
  // The 信息处理费 typed in by hand is an override as well.
  if (!internal && existing && data.processingFeeYuan !== undefined) {
    const typed = data.processingFeeYuan === null || data.processingFeeYuan === '' ? null : Number(data.processingFeeYuan);
    const stored = existing.processingFeeYuan === null || existing.processingFeeYuan === undefined ? null : Number(existing.processingFeeYuan);
    if (typed !== stored) {
      const current = readOverrides(data.overrides !== undefined ? data.overrides : existing.overrides);
      const next = { ...current, updatedAt: new Date().toISOString() };
      if (typed === null || !Number.isFinite(typed)) delete next.processingFeeYuan;
      else next.processingFeeYuan = typed;
      data.overrides = next;
    }
  }

  const organizationDocumentId = await organizationOf(strapi, data.organization, existing?.organization?.documentId);
  const previous = await previousFigures(strapi, organizationDocumentId, year);
  const validation = await validateTables(strapi, { tables, formatVersion, year, organizationDocumentId, previous });

  // The prose of the version being saved, as it will be stored: what is sent over what is there.
  const locale = params.locale ?? SOURCE_LOCALE;
  const stored = action === 'update' && params.documentId ? await localeDraft(strapi, params.documentId, locale) : null;
  const pick = (k: string) => (data[k] !== undefined ? data[k] : (stored as any)?.[k]);
  const subject: ProseSubject = {
    ...Object.fromEntries(PROSE_FIELDS.map((k) => [k, pick(k)])),
    tables,
    processingFeeYuan: data.processingFeeYuan !== undefined ? data.processingFeeYuan : existing?.processingFeeYuan,
    generatedProse: pick('generatedProse'),
    formatVersion,
    year,
  };
  const prose = await validateProse(strapi, subject, locale, organizationDocumentId, previous);
  // validation is shared by the locales: it carries the source's prose check; other locales are checked on publish.
  if (locale === SOURCE_LOCALE) validation.prose = prose;
  else if (existing?.validation?.prose) validation.prose = existing.validation.prose;
  if (!internal || !data.validation || typeof data.validation !== 'object') data.validation = validation;
  else data.validation = { ...data.validation, prose: validation.prose };

  if (params.status === 'published') {
    const ack = data.warningsAcknowledgement !== undefined ? data.warningsAcknowledgement : existing?.warningsAcknowledgement;
    assertPublishable(validation, ack);
    assertProsePublishable(prose, pick('proseAcknowledgement'));
  }
}

async function beforePublish(strapi: Core.Strapi, params: any) {
  if (!params.documentId) return;
  const row = await draftRow(strapi, params.documentId);
  if (!row) return; // the Document Service answers "not found" itself
  const previous = await previousFigures(strapi, row.organization?.documentId, row.year);
  const validation = await validateTables(strapi, {
    tables: row.tables,
    formatVersion: row.formatVersion ?? 2021,
    year: row.year,
    organizationDocumentId: row.organization?.documentId,
    previous,
  });
  assertPublishable(validation, row.warningsAcknowledgement);
  // Each locale published has its own prose: every one is checked ('*' publishes them all).
  const locales: string[] =
    params.locale === '*' || params.locale === undefined
      ? [
          ...new Set(
            ((await strapi.db.query(REPORT_UID).findMany({ where: { documentId: params.documentId }, select: ['locale'] })) as any[]).map((r) => r.locale),
          ),
        ]
      : Array.isArray(params.locale)
        ? params.locale
        : [params.locale];
  for (const locale of locales) {
    const version = await localeDraft(strapi, params.documentId, locale);
    if (!version) continue;
    const prose = await validateProse(strapi, { ...version, tables: row.tables }, locale, row.organization?.documentId, previous);
    assertProsePublishable(prose, version.proseAcknowledgement);
  }
}

export function registerReportMiddleware(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== REPORT_UID) return next();
    const params = (context as any).params;
    if (context.action === 'create' || context.action === 'update') await beforeSave(strapi, context.action, params);
    else if (context.action === 'publish') await beforePublish(strapi, params);
    return next();
  });
}
