/**
 * Writes a chunk of imported applications in bulk (a few statements per chunk instead of ~10 per row),
 * storing rows that cannot be told apart from Document Service creations:
 * - the same rules and computed fields as the Document Service middleware (`applySaveRules`);
 * - `documentId` from the model's own default (Strapi's createDocumentId), `publishedAt` set as Strapi
 *   does for a type without draft & publish, timestamps and defaults from the query engine (`createMany`);
 * - the organization link row pointing at the organization's default-locale entry (what the Document
 *   Service resolves a documentId to for a non-localized source), with the inverse order column;
 * - the "imported" event of each application, and Strapi's `entry.create` event once the chunk is committed.
 * Checked against a Document Service creation in tests/integration/applications-import-bulk.test.ts.
 */
import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { computeDueDate, type DueDateInput, type WorkingDayCalendar } from '../../../core/working-days';
import { APPLICATION_UID, EVENT_UID } from '../content-types';
import { eventRow, type Actor } from '../events';
import { applySaveRules } from '../save-rules';
import { documentIdGenerator, insertToOneLinks } from '../../storage/link-rows';

const ORGANIZATION_UID = 'api::organization.organization';

export type ImportedRow = Record<string, string | number | null> & { trackingNumber: string; organizationCode: string; line: number };

/** A row the rules refuse at confirmation (e.g. the calendar changed since validation). */
export class ImportRowError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`第 ${line} 行 / line ${line}: ${message}`);
  }
}

/** organization code → id of its entry in the default locale (the one a Document Service link points at). */
export async function organizationIds(strapi: Core.Strapi): Promise<Map<string, number>> {
  const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const rows: any[] = await strapi.db.query(ORGANIZATION_UID).findMany({ where: { locale: defaultLocale }, select: ['id', 'code'] });
  return new Map(rows.map((o) => [o.code, o.id]));
}

/**
 * computeDueDate with its results kept per input for one calendar: past applications share their inputs
 * (same received date and status) over and over, and each computation walks the calendar day by day.
 */
export function memoizedDueDate(): typeof computeDueDate {
  let forCalendar: WorkingDayCalendar | null = null;
  const results = new Map<string, ReturnType<typeof computeDueDate>>();
  return (input: DueDateInput, calendar: WorkingDayCalendar) => {
    if (calendar !== forCalendar || results.size > 20_000) {
      results.clear();
      forCalendar = calendar;
    }
    const key = JSON.stringify(input);
    let result = results.get(key);
    if (!result) {
      result = computeDueDate(input, calendar);
      results.set(key, result);
    }
    return result;
  };
}

/**
 * Inserts the new rows of `rows` (tracking numbers already stored are skipped). Must run inside
 * `strapi.db.transaction`; `trx` is its knex transaction. Returns the ids created and the count skipped.
 */
export async function writeChunk(
  strapi: Core.Strapi,
  trx: any,
  rows: ImportedRow[],
  context: { organizations: Map<string, number>; calendar: WorkingDayCalendar; today: string; actor: Actor; dueDateOf?: typeof computeDueDate },
): Promise<{ createdIds: number[]; skipped: number }> {
  const stored: any[] = await strapi.db.query(APPLICATION_UID).findMany({
    where: { trackingNumber: { $in: rows.map((r) => r.trackingNumber) } },
    select: ['trackingNumber'],
  });
  const exists = new Set(stored.map((s) => s.trackingNumber));
  const newRows = rows.filter((r) => !exists.has(r.trackingNumber));
  if (newRows.length === 0) return { createdIds: [], skipped: rows.length };

  const createDocumentId = documentIdGenerator(strapi, APPLICATION_UID);
  const records: Record<string, any>[] = [];
  const organizationOf = new Map<string, number>();
  for (const row of newRows) {
    const { organizationCode, line, ...fields } = row;
    const organizationId = context.organizations.get(organizationCode);
    if (organizationId === undefined) throw new ImportRowError(line, `机关不存在：${organizationCode} / unknown organization`);
    const data: Record<string, any> = {};
    // Empty cells are left out so that the schema defaults apply, as with the Document Service.
    for (const [k, v] of Object.entries(fields)) if (v !== null) data[k] = v;
    try {
      applySaveRules(null, data, context.today, context.calendar, context.dueDateOf);
    } catch (e: any) {
      throw new ImportRowError(line, e?.message ?? String(e));
    }
    data.documentId = createDocumentId();
    data.publishedAt = new Date();
    organizationOf.set(data.documentId, organizationId);
    records.push(data);
  }
  await strapi.db.query(APPLICATION_UID).createMany({ data: records });

  const created: any[] = await strapi.db.query(APPLICATION_UID).findMany({
    where: { documentId: { $in: records.map((r) => r.documentId) } },
    select: ['id', 'documentId'],
  });
  const idOf = new Map(created.map((c) => [c.documentId, c.id]));
  await insertToOneLinks(
    strapi,
    trx,
    APPLICATION_UID,
    'organization',
    records.map((r) => ({ id: idOf.get(r.documentId), targetId: organizationOf.get(r.documentId)! })),
  );

  const occurredAt = new Date();
  await strapi.db.query(EVENT_UID as any).createMany({
    data: records.map((r) =>
      eventRow({ applicationDocumentId: r.documentId, action: 'imported', toStatus: r.applicationStatus || 'received' }, context.actor, occurredAt),
    ),
  });
  return { createdIds: records.map((r) => idOf.get(r.documentId)), skipped: rows.length - newRows.length };
}

/** Strapi's `entry.create` (webhooks, audit) as the Document Service emits it: the deep-populated, sanitized entry. */
export async function emitCreated(strapi: Core.Strapi, ids: number[]) {
  if (ids.length === 0) return;
  const model: any = strapi.getModel(APPLICATION_UID);
  const populate = Object.fromEntries(
    Object.entries(model.attributes)
      .filter(([, a]: any) => a.type === 'relation')
      .map(([k]) => [k, { select: undefined }]),
  );
  const entries: any[] = await strapi.db.query(APPLICATION_UID).findMany({ where: { id: { $in: ids } }, populate });
  for (const entry of entries) {
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput({ schema: model, getModel: (uid: any) => strapi.getModel(uid) } as any, entry);
    await strapi.eventHub.emit('entry.create', { model: model.modelName, uid: model.uid, entry: sanitized });
  }
}
