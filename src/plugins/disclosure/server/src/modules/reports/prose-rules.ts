/**
 * The report's prose against its tables: the prose checker and the placeholder check on a version of
 * the report, the publish gate for both, and the super admin's acknowledgement of checker findings.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  checkProse,
  findDraftPlaceholders,
  getFormat,
  NOTICES_PUBLISHED,
  PROCESSING_FEE,
  proseFingerprint,
  proseToText,
  PROSE_SECTIONS,
  readGeneratedProse,
  reportFacts,
  sectionHeading,
  toFormatVersion,
  type Facts,
  type ProseFinding,
  type ProseSection,
} from '../../core/annual-report';
import { previousFigures, type PreviousFigures } from './previous-year';

export interface ProsePlaceholder {
  section: ProseSection;
  heading: string;
  markers: string[];
}

export interface ProseValidation {
  locale: string;
  checkedAt: string;
  findings: ProseFinding[];
  placeholders: ProsePlaceholder[];
}

export interface ProseAcknowledgement {
  by: { id: number | null; email?: string | null; name?: string | null };
  at: string;
  reason: string;
  findings: string[];
  messages: { zh: string; en: string }[];
}

/** What the checker needs of a report version: its prose, tables, fee and what the generator stated. */
export interface ProseSubject {
  overview?: unknown;
  problems?: unknown;
  otherMatters?: unknown;
  tables?: unknown;
  processingFeeYuan?: unknown;
  generatedProse?: unknown;
  formatVersion?: unknown;
  year?: number;
}

const num = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : Number.isFinite(Number(v)) ? Number(v) : undefined);

export function headingOf(formatVersion: unknown, section: ProseSection): string {
  const format = getFormat(toFormatVersion(formatVersion ?? 2021));
  const def = format.sections.find((s) => s.code === section);
  return def ? sectionHeading(def) : section;
}

/** The facts of a report version: its cells, the fee, and the generator's count of published notices. */
export function factsOf(subject: ProseSubject): Facts {
  const generated = readGeneratedProse(subject.generatedProse);
  return reportFacts((subject.tables ?? {}) as any, {
    [PROCESSING_FEE]: num(subject.processingFeeYuan),
    [NOTICES_PUBLISHED]: generated?.facts[NOTICES_PUBLISHED],
  });
}

/** Checks a version's prose: placeholders left, figures that contradict the tables (and last year's). */
export async function validateProse(
  strapi: Core.Strapi,
  subject: ProseSubject,
  locale: string,
  organizationDocumentId: string | undefined,
  previousYear?: PreviousFigures | null,
): Promise<ProseValidation> {
  const facts = factsOf(subject);
  const prev = previousYear !== undefined ? previousYear : await previousFigures(strapi, organizationDocumentId, subject.year);
  const previous = prev ? reportFacts(prev.tables as any, { [PROCESSING_FEE]: num(prev.processingFeeYuan) }) : null;
  const findings: ProseFinding[] = [];
  const placeholders: ProsePlaceholder[] = [];
  for (const section of PROSE_SECTIONS) {
    const text = proseToText(subject[section] as any);
    const markers = findDraftPlaceholders(text);
    if (markers.length) placeholders.push({ section, heading: headingOf(subject.formatVersion, section), markers });
    findings.push(...checkProse(section, text, facts, previous));
  }
  return { locale, checkedAt: new Date().toISOString(), findings, placeholders };
}

/**
 * Refuses (400) to publish prose with placeholders (never acknowledgeable) or with checker findings
 * a super admin has not acknowledged with a reason.
 */
export function assertProsePublishable(result: ProseValidation, acknowledgement: unknown) {
  if (result.placeholders.length) {
    const where = result.placeholders.map((p) => `${p.heading}（${p.markers.join('、')}）`).join('；');
    const whereEn = result.placeholders.map((p) => `${p.section} (${p.markers.length})`).join(', ');
    const message = `年度报告正文仍有待补充的内容，不能发布：${where} / The report still has placeholders to fill in and cannot be published: ${whereEn}`;
    throw new errors.ValidationError(message, {
      placeholders: result.placeholders,
      errors: result.placeholders.map((p) => ({ path: [p.section], message, name: 'ValidationError', value: undefined })),
    });
  }
  const acked = new Set<string>(Array.isArray((acknowledgement as any)?.findings) ? (acknowledgement as any).findings : []);
  const open = result.findings.filter((f) => !acked.has(proseFingerprint(f)));
  if (open.length) {
    const message =
      `年度报告正文有${open.length}处与表格不符，不能发布：${open.map((f) => f.message.zh).join('；')} / ` +
      `${open.length} statement(s) in the prose contradict the tables: ${open.map((f) => f.message.en).join('; ')}`;
    throw new errors.ValidationError(message, {
      proseFindings: open,
      errors: [...new Set(open.map((f) => f.section))].map((section) => ({ path: [section], message, name: 'ValidationError', value: undefined })),
    });
  }
}

/** The acknowledgement a super admin records for the current findings, with the reason given. */
export function proseAcknowledgement(
  findings: ProseFinding[],
  reason: string,
  user: { id?: number; email?: string | null; name?: string | null },
): ProseAcknowledgement {
  return {
    by: { id: user.id ?? null, email: user.email ?? null, name: user.name ?? null },
    at: new Date().toISOString(),
    reason,
    findings: findings.map(proseFingerprint),
    messages: findings.map((f) => f.message),
  };
}
