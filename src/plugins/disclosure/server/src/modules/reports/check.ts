/**
 * The table editor's live check: tables as typed and not yet saved go through the same validation a
 * save stores and the publish gate applies. Naming the report adds last year's report (the
 * cross-year rules) and fixes the format by the report's year, exactly as a save would.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatVersionForYear, toFormatVersion, type FormatVersion, type LooseTables } from '../../core/annual-report';
import { REPORT_UID, validateTables, type StoredValidation } from './validation';

export interface CheckInput {
  tables: LooseTables;
  formatVersion?: FormatVersion;
  /** The report being edited, if saved already. */
  documentId?: string;
}

function formatError(message: string) {
  return new errors.ValidationError(message, { errors: [{ path: ['formatVersion'], message, name: 'ValidationError', value: undefined }] });
}

export async function checkTables(strapi: Core.Strapi, input: CheckInput): Promise<StoredValidation> {
  if (!input.documentId) {
    if (!input.formatVersion) throw formatError('"formatVersion" (2021 or 2019) is required when no "documentId" names the report');
    return validateTables(strapi, { tables: input.tables, formatVersion: input.formatVersion });
  }
  const rows: any[] = await strapi.db.query(REPORT_UID).findMany({
    where: { documentId: input.documentId },
    select: ['year', 'formatVersion', 'publishedAt'],
    populate: { organization: { select: ['documentId'] } },
  });
  const row = rows.find((r) => !r.publishedAt) ?? rows[0];
  if (!row) throw new errors.NotFoundError(`No annual report ${input.documentId}`);
  const reportFormat = toFormatVersion(row.formatVersion ?? formatVersionForYear(row.year));
  if (input.formatVersion && input.formatVersion !== reportFormat) {
    throw formatError(`"formatVersion" ${input.formatVersion} does not match the report's format ${reportFormat} (set by its year ${row.year})`);
  }
  return validateTables(strapi, {
    tables: input.tables,
    formatVersion: reportFormat,
    year: row.year,
    organizationDocumentId: row.organization?.documentId,
  });
}
