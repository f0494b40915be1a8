/**
 * Last year's figures for the cross-year rules and the 同比 checks: last year's report when it is in
 * the system (the published version first), else the figures an editor entered once for a body new to
 * the system (a small form, or last year's report in the JSON export layout).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  APPLICANT_COLUMNS,
  cellPathPlace,
  formatVersionForYear,
  getFormat,
  toFormatVersion,
  type FormatVersion,
  type LooseTables,
} from '../../core/annual-report';
import { fieldError } from '../common/field-error';

export const REPORT_UID = 'api::annual-report.annual-report';
export const PREVIOUS_FIGURES_UID = 'plugin::disclosure.previous-year-figure';

const previousYearFigure = {
  kind: 'collectionType',
  collectionName: 'disclosure_previous_year_figures',
  info: {
    singularName: 'previous-year-figure',
    pluralName: 'previous-year-figures',
    displayName: 'Previous-year figures (上年报告数据)',
    description: 'Figures of a published report from before the body used this system, entered once for the cross-year checks.',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    organizationDocumentId: { type: 'string', required: true, maxLength: 64 },
    year: { type: 'integer', required: true },
    formatVersion: { type: 'integer', required: true },
    tables: { type: 'json', required: true },
    processingFeeYuan: { type: 'decimal' },
    source: { type: 'enumeration', enum: ['form', 'import'], required: true },
    enteredBy: { type: 'string', maxLength: 200 },
  },
  indexes: [{ name: 'disclosure_previous_year_figures_org_idx', columns: ['organization_document_id', 'year'] }],
};

export const previousYearContentTypes = { 'previous-year-figure': { schema: previousYearFigure } };

export interface PreviousFigures {
  source: 'report' | 'entered';
  /** The report's documentId (source 'report'). */
  documentId?: string;
  year: number;
  formatVersion: FormatVersion;
  tables: LooseTables;
  processingFeeYuan: number | null;
  published: boolean;
}

/** The figures of `year − 1` for an organization: its report if any, else what was entered; null when neither. */
export async function previousFigures(
  strapi: Core.Strapi,
  organizationDocumentId: string | undefined,
  year: number | undefined,
): Promise<PreviousFigures | null> {
  if (!organizationDocumentId || !year) return null;
  const rows: any[] = await strapi.db.query(REPORT_UID).findMany({
    where: { year: year - 1, organization: { documentId: organizationDocumentId } },
    select: ['documentId', 'year', 'tables', 'formatVersion', 'publishedAt', 'processingFeeYuan'],
  });
  const row = rows.find((r) => r.publishedAt) ?? rows[0];
  if (row?.tables) {
    return {
      source: 'report',
      documentId: row.documentId,
      year: row.year,
      formatVersion: toFormatVersion(row.formatVersion ?? formatVersionForYear(row.year)),
      tables: row.tables,
      processingFeeYuan: row.processingFeeYuan === null || row.processingFeeYuan === undefined ? null : Number(row.processingFeeYuan),
      published: Boolean(row.publishedAt),
    };
  }
  const entered: any = await strapi.db.query(PREVIOUS_FIGURES_UID).findOne({ where: { organizationDocumentId, year: year - 1 } });
  if (!entered) return null;
  return {
    source: 'entered',
    year: entered.year,
    formatVersion: toFormatVersion(entered.formatVersion),
    tables: entered.tables,
    processingFeeYuan: entered.processingFeeYuan === null || entered.processingFeeYuan === undefined ? null : Number(entered.processingFeeYuan),
    published: true,
  };
}

/**
 * Tables as entered: only cells of the year's format, each a non-negative number (or left out).
 * Accepts the tables object, or a whole JSON export ({ formatVersion, year, tables, processingFeeYuan }).
 */
export function parseEnteredTables(input: unknown, year: number): { tables: LooseTables; formatVersion: FormatVersion; processingFeeYuan: number | null } {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, any>;
  const exported = body.report && typeof body.report === 'object' ? (body.report as Record<string, any>) : null;
  if (exported && exported.year !== undefined && Number(exported.year) !== year) {
    throw fieldError('report.year', `导入的报告年度（${exported.year}）与所填年度（${year}）不一致`, `the report is for ${exported.year}, not ${year}`);
  }
  const version = toFormatVersion(formatVersionForYear(year));
  if (exported?.formatVersion !== undefined && String(exported.formatVersion) !== version) {
    throw fieldError('report.formatVersion', `${year}年度报告应为${version}格式`, `a ${year} report uses the ${version} format`);
  }
  const source = exported ? exported.tables : body.tables;
  if (!source || typeof source !== 'object' || Array.isArray(source)) {
    throw fieldError(
      exported ? 'report.tables' : 'tables',
      '需要表格数据（表 → 行 → 列 → 数值）',
      '"tables" must be an object of table → row → column → number',
    );
  }
  const format = getFormat(version);
  const tables: Record<string, Record<string, Record<string, number>>> = {};
  for (const model of Object.values(format.tables)) {
    for (const row of model.rows) {
      for (const col of row.columns) {
        const value = source?.[model.code]?.[row.code]?.[col.code];
        if (value === undefined || value === null || value === '') continue;
        const n = typeof value === 'number' ? value : Number(value);
        if (!Number.isFinite(n) || n < 0) {
          const path = `${model.code}.${row.code}.${col.code}`;
          throw fieldError(`tables.${path}`, `${cellPathPlace(format, path).zh}须为非负数`, `${path} must be a non-negative number`);
        }
        ((tables[model.code] ??= {})[row.code] ??= {})[col.code] = n;
      }
    }
  }
  // The cells the cross-year rules read must all be there: a missing one would only be reported as unusable.
  const required = [
    ...[...APPLICANT_COLUMNS, 'total'].map((c) => `applications.carriedOut.${c}`),
    ...(version === '2021' ? ['proactive.regulations.inForce', 'proactive.normativeDocuments.inForce'] : []),
  ];
  const missing = required.filter((path) => {
    const [t, r, c] = path.split('.');
    return tables[t]?.[r]?.[c] === undefined;
  });
  if (missing.length) {
    throw fieldError(
      `tables.${missing[0]}`,
      `缺少跨年度核对所需的数据：${missing.map((path) => cellPathPlace(format, path).zh).join('、')}`,
      `missing figures the cross-year rules read: ${missing.join(', ')}`,
      { missing },
    );
  }

  const fee = exported ? exported.processingFeeYuan : body.processingFeeYuan;
  const processingFeeYuan = fee === undefined || fee === null || fee === '' ? null : Number(fee);
  if (processingFeeYuan !== null && (!Number.isFinite(processingFeeYuan) || processingFeeYuan < 0)) {
    throw fieldError('processingFeeYuan', '“信息处理费”须为非负数', 'processingFeeYuan must be a non-negative number');
  }
  return { tables, formatVersion: version, processingFeeYuan };
}

export class ReportExists extends errors.ApplicationError {}

/** Stores (replaces) the entered figures of an organization-year; refused when that year's report is in the system. */
export async function saveEnteredFigures(
  strapi: Core.Strapi,
  input: { organizationDocumentId: string; year: number; body: unknown; enteredBy: string | null },
) {
  const report = await strapi.db
    .query(REPORT_UID)
    .findOne({ where: { year: input.year, organization: { documentId: input.organizationDocumentId } }, select: ['documentId'] });
  if (report) {
    throw new errors.ValidationError(
      `${input.year}年度报告已在系统中，跨年度核对直接使用该报告的数据 / the ${input.year} report is in the system: the cross-year checks use it`,
      { errors: [{ path: ['year'], message: 'report exists', name: 'ValidationError', value: undefined }] },
    );
  }
  const parsed = parseEnteredTables(input.body, input.year);
  const source = (input.body as any)?.report ? 'import' : 'form';
  const data = { organizationDocumentId: input.organizationDocumentId, year: input.year, ...parsed, source, enteredBy: input.enteredBy };
  const existing = await strapi.db.query(PREVIOUS_FIGURES_UID).findOne({ where: { organizationDocumentId: input.organizationDocumentId, year: input.year } });
  const saved = existing
    ? await strapi.db.query(PREVIOUS_FIGURES_UID).update({ where: { id: existing.id }, data })
    : await strapi.db.query(PREVIOUS_FIGURES_UID).create({ data });
  return {
    year: saved.year,
    formatVersion: String(saved.formatVersion),
    tables: saved.tables,
    processingFeeYuan: saved.processingFeeYuan ?? null,
    source: saved.source,
    enteredBy: saved.enteredBy,
  };
}

export async function enteredFigures(strapi: Core.Strapi, organizationDocumentId: string, year: number) {
  const row: any = await strapi.db.query(PREVIOUS_FIGURES_UID).findOne({ where: { organizationDocumentId, year } });
  return row
    ? {
        year: row.year,
        formatVersion: String(row.formatVersion),
        tables: row.tables,
        processingFeeYuan: row.processingFeeYuan ?? null,
        source: row.source,
        enteredBy: row.enteredBy,
        updatedAt: row.updatedAt,
      }
    : null;
}
