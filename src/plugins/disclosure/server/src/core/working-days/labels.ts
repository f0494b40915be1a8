/**
 * Chinese names of the stored codes of applications and review cases, each list written once: applicant
 * types, Table 4's case kinds and results come from the national format file; statuses and outcomes from
 * their own modules. The import reads these names; the admin shows them for the codes.
 */
import format2021 from '../annual-report/formats/2021.json';
import { OUTCOMES } from './outcomes';
import { STATUS_LABELS } from './state-machine';

type Labelled = { code: string; label: string };
const byCode = (rows: readonly Labelled[]) => Object.fromEntries(rows.map((r) => [r.code, r.label]));

export const APPLICANT_TYPE_LABELS: Record<string, string> = byCode(
  (format2021.tables.applications.columns as (Labelled & { sumOfOthers?: boolean })[]).filter((c) => !c.sumOfOthers),
);
export const CHANNEL_LABELS: Record<string, string> = { online: '网上申请', 'in-person': '当面申请', post: '信函申请', fax: '传真申请', email: '电子邮件' };
export const FEE_METHOD_LABELS: Record<string, string> = { none: '不收费', 'per-request': '按件计收', 'per-page': '按页计收' };
export const REVIEW_KIND_LABELS: Record<string, string> = Object.fromEntries(
  (format2021.tables.reviewsAndLawsuits.groups as (Labelled & { parent?: string })[]).map((g) => [g.code, g.parent ? `${g.parent}（${g.label}）` : g.label]),
);
export const REVIEW_RESULT_LABELS: Record<string, string> = byCode(
  (format2021.tables.reviewsAndLawsuits.columns as (Labelled & { sumOfOthers?: boolean })[]).filter((c) => !c.sumOfOthers),
);

/** Every enumeration of the types this plugin counts, by "<uid>.<field>": code → Chinese name. */
export const ENUM_LABELS: Record<string, Record<string, string>> = {
  'api::disclosure-application.disclosure-application.applicantType': APPLICANT_TYPE_LABELS,
  'api::disclosure-application.disclosure-application.channel': CHANNEL_LABELS,
  'api::disclosure-application.disclosure-application.applicationStatus': Object.fromEntries(Object.entries(STATUS_LABELS).map(([k, v]) => [k, v.zh])),
  'api::disclosure-application.disclosure-application.outcome': Object.fromEntries(OUTCOMES.map((o) => [o.code, o.label])),
  'api::disclosure-application.disclosure-application.feeMethod': FEE_METHOD_LABELS,
  'api::review-case.review-case.kind': REVIEW_KIND_LABELS,
  'api::review-case.review-case.result': REVIEW_RESULT_LABELS,
};
