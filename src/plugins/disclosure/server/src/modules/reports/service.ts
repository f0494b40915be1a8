/**
 * Annual reports: generation from the stats service, overrides, acknowledgement of warnings, the
 * admin page's data and the exports.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  classifySection,
  draftSections,
  exportReport,
  generatedProse,
  hasProse,
  mergeSection,
  NOTICES_PUBLISHED,
  PROSE_SECTIONS,
  readGeneratedProse,
  reportFacts,
  type SectionChange,
  formatVersionForYear,
  cellPathPlace,
  getFormat,
  renderReportFragment,
  tableGrid,
  toFormatVersion,
  withTotals,
  type AnnualReport,
  type ExportKind,
  type ExportResult,
  type FormatVersionLike,
  type ReportTables,
} from '../../core/annual-report';
import { UnknownOrganizationError, type StatsService } from '../stats/service';
import { asInternalWrite } from './context';
import { reportConverter, SOURCE_LOCALE, type ReportLocale } from './variants';
import { checkTables, type CheckInput } from './check';
import { applyOverrides, overridableCells, readOverrides, type Overrides } from './overrides';
import { fingerprint, REPORT_UID, validateTables, type StoredValidation, type WarningsAcknowledgement } from './validation';
import { fieldError } from '../common/field-error';
import { shanghaiDate } from '../../core/working-days';
import { isSuperAdmin } from '../applications/scope';
import { enteredFigures, saveEnteredFigures } from './previous-year';
import { headingOf, proseAcknowledgement, validateProse } from './prose-rules';

export class NotFound extends errors.NotFoundError {}

export interface AdminUser {
  id?: number;
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
}

/** What an undo brings back. */
const UNDOABLE = ['tables', 'overrides', 'processingFeeYuan', 'overview', 'problems', 'otherMatters', 'generatedProse', 'generatedAt'] as const;

const numberOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

/** Cells whose value a generation changes: "applications.received.total": { before, after }. */
function changedCells(before: unknown, after: unknown): { cell: string; before: number | null; after: number | null }[] {
  const a = reportFacts((before ?? {}) as any);
  const b = reportFacts((after ?? {}) as any);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !k.startsWith('reviewsAndLawsuits.lawsuits.'));
  return names.filter((k) => a[k] !== b[k]).map((cell) => ({ cell, before: a[cell] ?? null, after: b[cell] ?? null }));
}

function defaultTitle(organizationName: string, year: number) {
  return `${organizationName}${year}年政府信息公开工作年度报告`;
}

function userName(user?: AdminUser | null) {
  return [user?.lastname, user?.firstname].filter(Boolean).join('') || user?.email || null;
}

const reports = ({ strapi }: { strapi: Core.Strapi }) => {
  const stats = () => strapi.plugin('disclosure').service('stats') as StatsService;

  async function organizationYear(organization: string, year: number) {
    try {
      return await stats().organizationYear({ organization, year });
    } catch (error) {
      if (error instanceof UnknownOrganizationError) throw new errors.NotFoundError(error.message);
      throw error;
    }
  }

  /** The report of an organization-year (any locale; tables are not localized), draft version first. */
  async function findReport(organizationDocumentId: string, year: number) {
    const rows: any[] = await strapi.db.query(REPORT_UID).findMany({
      where: { year, organization: { documentId: organizationDocumentId } },
      populate: { organization: { select: ['documentId', 'code', 'name'] } },
    });
    if (!rows.length) return null;
    const draft = rows.find((r) => !r.publishedAt && r.locale === SOURCE_LOCALE) ?? rows.find((r) => !r.publishedAt) ?? rows[0];
    return { draft, published: rows.some((r) => r.publishedAt), locales: [...new Set(rows.map((r) => r.locale))] };
  }

  async function organizationByCode(code: string) {
    const org: any = await strapi.db
      .query('api::organization.organization')
      .findOne({ where: { code, locale: SOURCE_LOCALE }, select: ['documentId', 'code', 'name'] });
    if (!org) throw new errors.NotFoundError(`机关不存在：${code} / no organization ${code}`);
    return { documentId: org.documentId as string, code: org.code as string, name: org.name as string };
  }

  return {
    /**
     * Creates or updates the zh-Hans draft for the organization-year: tables counted afresh with the
     * editor's overrides over them, validation stored, and the prose regenerated sentence by sentence:
     * the generator's own earlier sentences follow the new numbers, the editor's are kept (bound-prose.ts).
     * The version replaced is kept (undoGeneration). With dryRun nothing is written: the answer lists what
     * would change, for the editor to confirm.
     */
    async generate(input: { organization: string; year: number; dryRun?: boolean }, user?: AdminUser) {
      const counted = await organizationYear(input.organization, input.year);
      const version = counted.formatVersion;
      const orgDocumentId = counted.organization.documentId;
      const found = await findReport(orgDocumentId, input.year);
      const draft = found?.draft ?? null;
      const overrides = readOverrides(draft?.overrides);
      const tables = withTotals(applyOverrides(counted.tables, overrides, version) as ReportTables, version);
      const processingFeeYuan = overrides.processingFeeYuan ?? counted.processingFeeYuan;
      const validation = await validateTables(strapi, { tables, formatVersion: version, year: input.year, organizationDocumentId: orgDocumentId });

      const source: any = found ? await strapi.documents(REPORT_UID).findOne({ documentId: draft.documentId, locale: SOURCE_LOCALE, status: 'draft' }) : null;
      const categoryCounts = counted.notices.byCategory.filter((c) => c.parent === null && c.total > 0).map((c) => ({ name: c.name, count: c.total }));
      const sections = draftSections({
        organizationName: counted.organization.name,
        year: input.year,
        formatVersion: version,
        tables,
        noticesPublished: counted.notices.total,
        categoryCounts,
        processingFeeYuan,
      });
      const generatedAt = new Date().toISOString();
      const previous = readGeneratedProse(source?.generatedProse);
      const data: Record<string, unknown> = {
        tables,
        overrides,
        processingFeeYuan,
        formatVersion: Number(version),
        validation,
        generatedAt,
        generatedProse: generatedProse(sections, { [NOTICES_PUBLISHED]: counted.notices.total }, generatedAt),
      };
      const changes: SectionChange[] = [];
      const kept: { section: string; text: string }[] = [];
      const drafted: string[] = [];
      for (const key of PROSE_SECTIONS) {
        const merged = mergeSection(key, source?.[key], previous?.sections[key], sections[key]);
        if (!hasProse(source?.[key])) drafted.push(key);
        if (merged.changes.length || !hasProse(source?.[key])) data[key] = merged.blocks;
        changes.push(...merged.changes);
        kept.push(...merged.kept.map((text) => ({ section: key, text })));
      }
      if (!source?.title) data.title = defaultTitle(counted.organization.name, input.year);
      const cells = changedCells(source?.tables, tables);
      const fee = { before: numberOrNull(source?.processingFeeYuan), after: processingFeeYuan };
      const summary = {
        organization: counted.organization,
        year: input.year,
        formatVersion: version,
        changes: { cells, sentences: changes, keptSentences: kept, processingFeeYuan: fee.before === fee.after ? null : fee },
      };
      if (input.dryRun) return { ...summary, documentId: source?.documentId ?? null, created: !source, dryRun: true };

      if (source) {
        // The version replaced, whole, so that one click can bring it back.
        data.previousGeneration = {
          at: generatedAt,
          by: userName(user),
          data: Object.fromEntries(UNDOABLE.map((k) => [k, source[k] ?? null])),
        };
      }
      const saved: any = await asInternalWrite(async () => {
        if (source) return strapi.documents(REPORT_UID).update({ documentId: source.documentId, locale: SOURCE_LOCALE, data: data as any });
        return strapi.documents(REPORT_UID).create({
          locale: SOURCE_LOCALE,
          data: { ...data, year: input.year, organization: orgDocumentId } as any,
        });
      });
      return {
        ...summary,
        documentId: saved.documentId as string,
        created: !source,
        tables,
        overrides,
        overriddenCells: Object.keys(overrides.cells).filter((k) => overridableCells(version).includes(k)),
        processingFeeYuan,
        processingFeeOverridden: overrides.processingFeeYuan !== undefined,
        validation: saved.validation ?? validation,
        draftedSections: drafted,
        generatedAt,
        undoAvailable: Boolean(source),
      };
    },

    /** Brings back the version a generation replaced (once: the undo itself cannot be undone). */
    async undoGeneration(documentId: string) {
      const source: any = await strapi.documents(REPORT_UID).findOne({ documentId, locale: SOURCE_LOCALE, status: 'draft' });
      if (!source) throw new errors.NotFoundError(`No annual report ${documentId}`);
      const kept = source.previousGeneration?.data;
      if (!kept || typeof kept !== 'object') {
        throw new errors.ValidationError('没有可以撤销的生成操作 / there is no generation to undo', {
          errors: [{ path: ['previousGeneration'], message: 'nothing to undo', name: 'ValidationError', value: undefined }],
        });
      }
      const data: Record<string, unknown> = { previousGeneration: null };
      for (const k of UNDOABLE) if (k in kept) data[k] = kept[k];
      const saved: any = await asInternalWrite(() =>
        strapi.documents(REPORT_UID).update({ documentId, locale: SOURCE_LOCALE, data: { ...data, validation: undefined } as any }),
      );
      return { documentId, restoredFrom: source.previousGeneration.at, generatedAt: saved.generatedAt ?? null, validation: saved.validation };
    },

    /** The edit view's prose panel: each section's sentences (generated / hand-written / placeholder) and the checker's findings. */
    async prose(documentId: string, locale: string = SOURCE_LOCALE) {
      const version: any = await strapi.documents(REPORT_UID).findOne({
        documentId,
        locale,
        status: 'draft',
        populate: { organization: { fields: ['documentId', 'code', 'name'] } } as any,
      });
      if (!version) throw new errors.NotFoundError(`No annual report ${documentId} in ${locale}`);
      const generated = readGeneratedProse(version.generatedProse);
      const check = await validateProse(strapi, version, locale, version.organization?.documentId);
      return {
        documentId,
        locale,
        organization: version.organization ? { code: version.organization.code, name: version.organization.name } : null,
        year: version.year,
        generatedAt: generated?.generatedAt ?? null,
        // the bound sentences are the zh-Hans generator's: other locales show every sentence as the text it is
        sections: PROSE_SECTIONS.map((key) => ({
          section: key,
          heading: headingOf(version.formatVersion, key),
          paragraphs: classifySection(version[key], locale === SOURCE_LOCALE ? generated?.sections[key] : undefined),
        })),
        findings: check.findings,
        placeholders: check.placeholders,
        proseAcknowledgement: version.proseAcknowledgement ?? null,
        undoAvailable: Boolean(version.previousGeneration?.data),
        previousGenerationAt: version.previousGeneration?.at ?? null,
      };
    },

    /** A super admin publishes despite the checker, with a reason: recorded with the report. */
    async acknowledgeProse(documentId: string, reason: unknown, user?: AdminUser & { roles?: any[] }) {
      if (!isSuperAdmin(user))
        throw new errors.ForbiddenError('只有超级管理员可以确认正文与表格不符的情况 / only a super admin may acknowledge prose findings');
      const text = typeof reason === 'string' ? reason.trim() : '';
      if (text.length < 4) throw fieldError('reason', '请说明理由（至少4个字）', 'give a reason (at least 4 characters)');
      const version: any = await strapi.documents(REPORT_UID).findOne({
        documentId,
        locale: SOURCE_LOCALE,
        status: 'draft',
        populate: { organization: { fields: ['documentId'] } } as any,
      });
      if (!version) throw new errors.NotFoundError(`No annual report ${documentId}`);
      const check = await validateProse(strapi, version, SOURCE_LOCALE, version.organization?.documentId);
      const ack = proseAcknowledgement(check.findings, text.slice(0, 1000), { id: user?.id, email: user?.email, name: userName(user) });
      await strapi.db.query(REPORT_UID).updateMany({ where: { documentId, publishedAt: null }, data: { proseAcknowledgement: ack } });
      return { proseAcknowledgement: ack, findings: check.findings };
    },

    /** Last year's figures entered for a body new to the system (or null). */
    async enteredPreviousYear(input: { organization: string; year: number }) {
      const org = await organizationByCode(input.organization);
      return { organization: org, entered: await enteredFigures(strapi, org.documentId, input.year) };
    },

    /** Stores last year's figures (form or JSON export) for the cross-year checks. */
    async enterPreviousYear(input: { organization: string; year: number }, body: unknown, user?: AdminUser) {
      const org = await organizationByCode(input.organization);
      const entered = await saveEnteredFigures(strapi, { organizationDocumentId: org.documentId, year: input.year, body, enteredBy: userName(user) });
      return { organization: org, entered };
    },

    /** Sets (number) or clears (null) overrides on the draft, then regenerates it. */
    async setOverrides(documentId: string, input: { cells?: Record<string, number | null>; processingFeeYuan?: number | null }, user?: AdminUser) {
      const row: any = await strapi.db.query(REPORT_UID).findOne({
        where: { documentId },
        populate: { organization: { select: ['code', 'documentId'] } },
      });
      if (!row) throw new errors.NotFoundError(`No annual report ${documentId}`);
      const version = toFormatVersion(row.formatVersion ?? formatVersionForYear(row.year));
      const allowed = overridableCells(version);
      const format = getFormat(version);
      const current = readOverrides(row.overrides);
      const next: Overrides = { ...current, cells: { ...current.cells } };
      for (const [key, value] of Object.entries(input.cells ?? {})) {
        if (!allowed.includes(key))
          throw fieldError(
            `cells.${key}`,
            `${cellPathPlace(format, key).zh}由系统统计，不能人工填写；可填写的是：${allowed.map((k) => cellPathPlace(format, k).zh).join('、')}`,
            `"${key}" cannot be overridden; allowed: ${allowed.join(', ')}`,
          );
        if (value === null) delete next.cells[key];
        else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
          throw fieldError(`cells.${key}`, `${cellPathPlace(format, key).zh}须为非负数（或清空）`, `"${key}" must be a non-negative number or null`);
        else next.cells[key] = value;
      }
      if (input.processingFeeYuan !== undefined) {
        const fee = input.processingFeeYuan;
        if (fee === null) delete next.processingFeeYuan;
        else if (typeof fee !== 'number' || !Number.isFinite(fee) || fee < 0)
          throw fieldError('processingFeeYuan', '“信息处理费”须为非负数（或清空）', '"processingFeeYuan" must be a non-negative number or null');
        else next.processingFeeYuan = fee;
      }
      next.updatedAt = new Date().toISOString();
      next.updatedBy = userName(user) ?? undefined;
      await strapi.db.query(REPORT_UID).updateMany({ where: { documentId, publishedAt: null }, data: { overrides: next } });
      if (!row.organization?.code) return { overrides: next };
      return this.generate({ organization: row.organization.code, year: row.year });
    },

    /** Records who acknowledged the draft's current cross-year warnings, and when. */
    async acknowledgeWarnings(documentId: string, user?: AdminUser) {
      const rows: any[] = await strapi.db.query(REPORT_UID).findMany({
        where: { documentId },
        populate: { organization: { select: ['documentId'] } },
      });
      const row = rows.find((r) => !r.publishedAt) ?? rows[0];
      if (!row) throw new errors.NotFoundError(`No annual report ${documentId}`);
      const validation = await validateTables(strapi, {
        tables: row.tables,
        formatVersion: row.formatVersion ?? 2021,
        year: row.year,
        organizationDocumentId: row.organization?.documentId,
      });
      const warnings = validation.failures.filter((f) => f.severity === 'warning');
      const ack: WarningsAcknowledgement = {
        by: { id: user?.id ?? null, email: user?.email ?? null, name: userName(user) },
        at: new Date().toISOString(),
        warnings: warnings.map(fingerprint),
        messages: warnings.map((w) => w.message),
      };
      await strapi.db.query(REPORT_UID).updateMany({ where: { documentId, publishedAt: null }, data: { warningsAcknowledgement: ack, validation } });
      return { warningsAcknowledgement: ack, validation };
    },

    /** What the admin page shows for an organization-year: counts, tables, failures, the report if any. */
    async overview(input: { organization: string; year: number }) {
      const counted = await organizationYear(input.organization, input.year);
      const version = counted.formatVersion;
      const found = await findReport(counted.organization.documentId, input.year);
      const draft = found?.draft ?? null;
      const overrides = readOverrides(draft?.overrides);
      const computed = withTotals(applyOverrides(counted.tables, overrides, version) as ReportTables, version);
      const tables = draft?.tables ?? computed;
      const validation = await validateTables(strapi, {
        tables,
        formatVersion: version,
        year: input.year,
        organizationDocumentId: counted.organization.documentId,
      });
      const html = renderReportFragment(
        {
          title: draft?.title ?? defaultTitle(counted.organization.name, input.year),
          organizationName: counted.organization.name,
          year: input.year,
          formatVersion: version,
          overview: null,
          problems: null,
          otherMatters: null,
          tables,
          processingFeeYuan: draft?.processingFeeYuan ?? counted.processingFeeYuan,
        },
        { failures: validation.failures },
      );
      return {
        organization: counted.organization,
        year: input.year,
        formatVersion: version,
        notices: counted.notices,
        computedTables: computed,
        tables,
        tablesSource: draft ? 'report' : 'computed',
        tablesHtml: html,
        validation,
        overrides,
        overriddenCells: Object.keys(overrides.cells),
        processingFeeYuan: draft?.processingFeeYuan ?? counted.processingFeeYuan,
        report: draft
          ? {
              documentId: draft.documentId,
              title: draft.title,
              published: found!.published,
              locales: found!.locales,
              generatedAt: draft.generatedAt,
              warningsAcknowledgement: draft.warningsAcknowledgement ?? null,
              contentManagerPath: `/content-manager/collection-types/${REPORT_UID}/${draft.documentId}?plugins[i18n][locale]=${SOURCE_LOCALE}`,
            }
          : null,
      };
    },

    /** The table editor's live check of unsaved tables (see check.ts). */
    check(input: CheckInput) {
      return checkTables(strapi, input);
    },

    /** The admin home's widget: last year's and this year's reports, drafted or published, and what they still need. */
    async status(today = shanghaiDate()) {
      const year = Number(today.slice(0, 4));
      const years = [year - 1, year];
      const rows: any[] = await strapi.db.query(REPORT_UID).findMany({
        where: { year: { $in: years }, locale: SOURCE_LOCALE },
        select: ['documentId', 'title', 'year', 'publishedAt', 'validation'],
        populate: { organization: { select: ['name'] } },
      });
      return years.map((y) => {
        const byDocument = new Map<string, any>();
        for (const r of rows.filter((row) => row.year === y)) {
          const seen = byDocument.get(r.documentId);
          byDocument.set(r.documentId, {
            ...(seen ?? r),
            published: Boolean(seen?.published || r.publishedAt),
            draft: !r.publishedAt ? r : (seen?.draft ?? r),
          });
        }
        return {
          year: y,
          reports: [...byDocument.values()].map((r) => ({
            documentId: r.documentId,
            title: r.draft.title,
            organization: r.draft.organization?.name ?? null,
            published: r.published,
            errors: Number(r.draft.validation?.errors ?? 0),
            findings: r.draft.validation?.prose?.findings?.length ?? 0,
            placeholders: r.draft.validation?.prose?.placeholders?.length ?? 0,
          })),
        };
      });
    },

    /** Organizations to choose from on the admin page (source locale). */
    async organizations() {
      const rows: any[] = await strapi.db.query('api::organization.organization').findMany({
        where: { locale: SOURCE_LOCALE },
        select: ['code', 'name', 'documentId'],
        orderBy: { code: 'asc' },
      });
      const seen = new Set<string>();
      return rows.filter((r) => r.code && !seen.has(r.code) && seen.add(r.code)).map((r) => ({ code: r.code, name: r.name, documentId: r.documentId }));
    },

    /** The national table layouts of a format, for the admin table editor. */
    layout(formatVersion: FormatVersionLike) {
      const format = getFormat(formatVersion);
      return {
        formatVersion: format.version,
        tables: (['proactive', 'applications', 'reviewsAndLawsuits'] as const).map((t) => tableGrid(format, t)),
        overridableCells: overridableCells(formatVersion),
      };
    },

    /**
     * One export of a report. status 'published' for the public route; admins may ask for 'draft'.
     * In zh-Hant the synced zh-Hant version's text is used (converted from zh-Hans when there is none)
     * and the fixed labels are converted.
     */
    async export(input: { documentId: string; kind: ExportKind; locale: ReportLocale; status: 'draft' | 'published' }): Promise<ExportResult> {
      const find = (locale: string) =>
        strapi.documents(REPORT_UID).findOne({
          documentId: input.documentId,
          locale,
          status: input.status,
          populate: { organization: { fields: ['name', 'code', 'address', 'phone', 'website'] } } as any,
        }) as Promise<any>;
      const source = await find(SOURCE_LOCALE);
      const localized = input.locale === SOURCE_LOCALE ? source : await find(input.locale);
      const doc = localized ?? source;
      if (!doc) throw new errors.NotFoundError(`No ${input.status === 'published' ? 'published ' : ''}annual report ${input.documentId}`);
      const converter = await reportConverter(strapi, input.locale, { uid: REPORT_UID, documentId: input.documentId });
      const convertLabel = converter?.text;
      const text = (s: string | null | undefined) => (s && convertLabel && !localized ? convertLabel(s) : (s ?? ''));
      const blocks = (b: any) => (b && converter && !localized ? (converter.blocks(b) as any) : b);
      let organizationName: string = doc.organization?.name ?? source?.organization?.name ?? '';
      if (convertLabel && input.locale !== SOURCE_LOCALE) {
        const org: any = doc.organization?.documentId
          ? await strapi.documents('api::organization.organization').findOne({ documentId: doc.organization.documentId, locale: input.locale })
          : null;
        organizationName = org?.name ?? convertLabel(organizationName);
      }
      const report: AnnualReport = {
        title: text(doc.title),
        organizationName,
        year: doc.year,
        formatVersion: toFormatVersion(doc.formatVersion ?? formatVersionForYear(doc.year)),
        overview: blocks(doc.overview),
        problems: blocks(doc.problems),
        otherMatters: blocks(doc.otherMatters),
        tables: doc.tables ?? {},
        processingFeeYuan: doc.processingFeeYuan === null || doc.processingFeeYuan === undefined ? null : Number(doc.processingFeeYuan),
      };
      const validation = doc.validation as StoredValidation | null;
      const org = doc.organization ?? source?.organization ?? {};
      report.contact = { address: org.address ? text(org.address) : null, phone: org.phone ?? null, website: org.website ?? null };
      report.issuedDate = doc.publishedAt ? shanghaiDate(new Date(doc.publishedAt)) : null;
      // A draft or a report that fails a check says so on every page of the export.
      const invalid = Boolean(validation && (validation.errors > 0 || validation.prose?.findings?.length || validation.prose?.placeholders?.length));
      if (input.status === 'draft' || invalid)
        report.watermark = [input.status === 'draft' ? '草稿' : null, invalid ? '未通过校验' : null].filter(Boolean).join(' · ');
      return exportReport(input.kind, report, {
        convertLabel,
        lang: input.locale === SOURCE_LOCALE ? 'zh-CN' : 'zh-TW',
        ...(input.status === 'draft' && validation?.failures ? { failures: validation.failures } : {}),
      });
    },
  };
};

export default reports;
export type ReportsService = ReturnType<typeof reports>;
