import type { Core } from '@strapi/strapi';
import { contentDisposition, isExportKind, type ExportKind } from '../../core/annual-report';
import { REPORT_LOCALES, SOURCE_LOCALE, type ReportLocale } from './variants';
import type { CheckInput } from './check';
import type { ReportsService } from './service';
import { fieldError } from '../common/field-error';

const MIN_YEAR = 2019; // the first year with a national table format

function parseOrganizationYear(input: Record<string, unknown>) {
  const organization = typeof input.organization === 'string' ? input.organization.trim() : '';
  if (!organization) throw fieldError('organization', '须指定机关（机关代码）', '"organization" (an organization code) is required');
  const raw = input.year;
  const year = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{4}$/.test(raw.trim()) ? Number(raw) : NaN;
  const maxYear = new Date().getUTCFullYear() + 1;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > maxYear) {
    throw fieldError('year', `年度须为${MIN_YEAR}至${maxYear}之间的四位年份`, `"year" must be a four-digit year between ${MIN_YEAR} and ${maxYear}`);
  }
  return { organization, year };
}

/** Body of the live check: { tables, formatVersion?, documentId? } (formatVersion or documentId required). */
function parseCheck(body: Record<string, unknown>): CheckInput {
  const { tables, formatVersion, documentId } = body;
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) {
    throw fieldError('tables', '统计表须为“表 → 行 → 列 → 数值”的结构', '"tables" must be an object of table → row → column → value');
  }
  const input: CheckInput = { tables: tables as CheckInput['tables'] };
  if (formatVersion !== undefined && formatVersion !== null) {
    const v = typeof formatVersion === 'number' || typeof formatVersion === 'string' ? String(formatVersion).trim() : '';
    if (v !== '2021' && v !== '2019') throw fieldError('formatVersion', '报告格式须为2021或2019', '"formatVersion" must be 2021 or 2019');
    input.formatVersion = v;
  }
  if (documentId !== undefined && documentId !== null) {
    if (typeof documentId !== 'string' || !documentId.trim())
      throw fieldError('documentId', '须指定年度报告（documentId）', '"documentId" must be the report\'s documentId');
    input.documentId = documentId.trim();
  }
  return input;
}

/** The export route's `format` values (also documented in src/openapi). */
export const EXPORT_FORMATS = ['html', 'json', 'csv', 'xlsx', 'docx', 'pdf'] as const;

function parseExport(query: Record<string, unknown>): { kind: ExportKind; locale: ReportLocale; inline: boolean } {
  const format = typeof query.format === 'string' ? query.format : 'html';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw fieldError('format', `导出格式须为：${EXPORT_FORMATS.join('、')}`, `"format" must be one of ${EXPORT_FORMATS.join(', ')}`);
  const layout = query.layout === undefined ? 'zip' : query.layout;
  if (layout !== 'zip' && layout !== 'single')
    throw fieldError('layout', 'CSV导出方式须为zip（每表一个文件）或single（一个文件）', '"layout" must be zip (one CSV per table) or single (one CSV)');
  const locale = query.locale === undefined ? SOURCE_LOCALE : query.locale;
  if (typeof locale !== 'string' || !(REPORT_LOCALES as readonly string[]).includes(locale)) {
    throw fieldError('locale', `语言版本须为：${REPORT_LOCALES.join('、')}`, `"locale" must be one of ${REPORT_LOCALES.join(', ')}`);
  }
  const kind = format === 'csv' ? (layout === 'single' ? 'csv' : 'csv-zip') : format;
  if (!isExportKind(kind)) throw fieldError('format', `未知的导出格式：${format}`, `unknown format ${format}`);
  return { kind, locale: locale as ReportLocale, inline: format === 'html' || format === 'json' };
}

const reportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('disclosure').service('reports') as ReportsService;

  async function sendExport(ctx: any, status: 'draft' | 'published') {
    const { kind, locale, inline } = parseExport(ctx.query ?? {});
    const documentId = String(ctx.params.documentId ?? '');
    const result = await service().export({ documentId, kind, locale, status });
    ctx.set('Content-Type', result.contentType);
    ctx.set('Content-Disposition', contentDisposition(result, inline ? 'inline' : 'attachment'));
    ctx.set('Cache-Control', status === 'draft' ? 'no-store' : 'public, max-age=60');
    ctx.body = result.body;
  }

  return {
    async generate(ctx: any) {
      const body = ctx.request.body ?? {};
      if (body.dryRun !== undefined && typeof body.dryRun !== 'boolean') throw fieldError('dryRun', 'dryRun须为true或false', '"dryRun" must be true or false');
      ctx.body = { data: await service().generate({ ...parseOrganizationYear(body), dryRun: body.dryRun === true }, ctx.state.user) };
    },
    async undoGeneration(ctx: any) {
      ctx.body = { data: await service().undoGeneration(String(ctx.params.documentId)) };
    },
    async prose(ctx: any) {
      const locale = ctx.query?.locale ?? SOURCE_LOCALE;
      if (typeof locale !== 'string' || !(REPORT_LOCALES as readonly string[]).includes(locale)) {
        throw fieldError('locale', `语言版本须为：${REPORT_LOCALES.join('、')}`, `"locale" must be one of ${REPORT_LOCALES.join(', ')}`);
      }
      ctx.body = { data: await service().prose(String(ctx.params.documentId), locale) };
    },
    async acknowledgeProse(ctx: any) {
      ctx.body = { data: await service().acknowledgeProse(String(ctx.params.documentId), (ctx.request.body ?? {}).reason, ctx.state.user) };
    },
    async enteredPreviousYear(ctx: any) {
      ctx.body = { data: await service().enteredPreviousYear(parseOrganizationYear(ctx.query ?? {})) };
    },
    async enterPreviousYear(ctx: any) {
      const body = ctx.request.body ?? {};
      ctx.body = { data: await service().enterPreviousYear(parseOrganizationYear(body), body, ctx.state.user) };
    },
    async overview(ctx: any) {
      ctx.body = { data: await service().overview(parseOrganizationYear(ctx.query ?? {})) };
    },
    async status(ctx: any) {
      ctx.body = { data: await service().status() };
    },
    async organizations(ctx: any) {
      ctx.body = { data: await service().organizations() };
    },
    async layout(ctx: any) {
      const v = ctx.query?.formatVersion ?? '2021';
      if (v !== '2021' && v !== '2019') throw fieldError('formatVersion', '报告格式须为2021或2019', '"formatVersion" must be 2021 or 2019');
      ctx.body = { data: service().layout(v) };
    },
    /** Live check of the table editor: the failures of tables as typed, before they are saved. */
    async check(ctx: any) {
      const validation = await service().check(parseCheck(ctx.request.body ?? {}));
      ctx.body = { data: validation };
    },
    async acknowledgeWarnings(ctx: any) {
      ctx.body = { data: await service().acknowledgeWarnings(String(ctx.params.documentId), ctx.state.user) };
    },
    async setOverrides(ctx: any) {
      const body = ctx.request.body ?? {};
      if (body.cells !== undefined && (typeof body.cells !== 'object' || body.cells === null || Array.isArray(body.cells))) {
        throw fieldError('cells', '人工填写的数值须为“单元格 → 数值或空”的结构', '"cells" must be an object of cell code → number or null');
      }
      ctx.body = { data: await service().setOverrides(String(ctx.params.documentId), body, ctx.state.user) };
    },
    /** Public: published reports only. */
    async publicExport(ctx: any) {
      await sendExport(ctx, 'published');
    },
    /** Admin: the draft by default, or ?status=published. */
    async adminExport(ctx: any) {
      const status = ctx.query?.status ?? 'draft';
      if (status !== 'draft' && status !== 'published')
        throw fieldError('status', '版本须为draft（草稿）或published（已发布）', '"status" must be draft or published');
      await sendExport(ctx, status);
    },
  };
};

export default reportsController;
