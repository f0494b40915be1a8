/**
 * Validation of a report's tables as stored with it, the lookup of last year's report for the
 * cross-year rules, and the publish gate.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toFormatVersion, validate, type Failure, type FormatVersion, type LooseTables } from '../../core/annual-report';
import { previousFigures, REPORT_UID, type PreviousFigures } from './previous-year';
import type { ProseValidation } from './prose-rules';

export { REPORT_UID };

export interface StoredValidation {
  checkedAt: string;
  formatVersion: FormatVersion;
  errors: number;
  warnings: number;
  failures: Failure[];
  /** Last year's figures the cross-year rules compared with, if any: its report, or the figures entered for it. */
  previousReport: { documentId?: string; year: number; published: boolean; source: 'report' | 'entered' } | null;
  /** The prose checker's result on the zh-Hans version (modules/reports/prose-rules.ts). */
  prose?: ProseValidation;
}

export interface WarningsAcknowledgement {
  by: { id: number | null; email?: string | null; name?: string | null };
  at: string;
  /** Fingerprints of the warnings acknowledged; a new or changed warning needs a new acknowledgement. */
  warnings: string[];
  messages: { zh: string; en: string }[];
}

export function fingerprint(f: Failure): string {
  const cells = f.cells.map((c) => `${c.year ?? ''}${c.table}.${c.row}.${c.col}`).join(',');
  return `${f.ruleId}|${cells}|${f.expected ?? ''}|${f.actual ?? ''}`;
}

export async function validateTables(
  strapi: Core.Strapi,
  // `previous`: last year's figures when the caller has them already (one query per save, not one per check)
  input: { tables: unknown; formatVersion: unknown; year?: number; organizationDocumentId?: string; previous?: PreviousFigures | null },
): Promise<StoredValidation> {
  const version = toFormatVersion(input.formatVersion);
  const prev = input.previous !== undefined ? input.previous : await previousFigures(strapi, input.organizationDocumentId, input.year);
  const tables = (input.tables && typeof input.tables === 'object' ? input.tables : {}) as LooseTables;
  const failures = validate(tables, {
    formatVersion: version,
    previous: prev?.tables ?? null,
    previousFormatVersion: prev?.formatVersion,
  });
  return {
    checkedAt: new Date().toISOString(),
    formatVersion: version,
    errors: failures.filter((f) => f.severity === 'error').length,
    warnings: failures.filter((f) => f.severity === 'warning').length,
    failures,
    previousReport: prev
      ? { ...(prev.documentId ? { documentId: prev.documentId } : {}), year: prev.year, published: prev.published, source: prev.source }
      : null,
  };
}

/** Refuses (400) tables that break an error rule, or warnings nobody acknowledged. */
export function assertPublishable(validation: StoredValidation, acknowledgement: unknown) {
  const errorFailures = validation.failures.filter((f) => f.severity === 'error');
  if (errorFailures.length) {
    const message =
      `年度报告的表格有${errorFailures.length}处错误，不能发布：${errorFailures.map((f) => f.message.zh).join('；')} / ` +
      `The report's tables break ${errorFailures.length} rule(s) and cannot be published: ${errorFailures.map((f) => f.message.en).join('; ')}`;
    throw new errors.ValidationError(message, {
      failures: errorFailures,
      errors: [{ path: ['tables'], message, name: 'ValidationError', value: undefined }],
    });
  }
  const acked = new Set<string>(Array.isArray((acknowledgement as any)?.warnings) ? (acknowledgement as any).warnings : []);
  const open = validation.failures.filter((f) => f.severity === 'warning' && !acked.has(fingerprint(f)));
  if (open.length) {
    const message =
      `年度报告有${open.length}项跨年度核对提示需要确认后才能发布：${open.map((f) => f.message.zh).join('；')} / ` +
      `${open.length} cross-year warning(s) must be acknowledged before publishing: ${open.map((f) => f.message.en).join('; ')}`;
    throw new errors.ValidationError(message, {
      warnings: open,
      errors: [{ path: ['warningsAcknowledgement'], message, name: 'ValidationError', value: undefined }],
    });
  }
}
