/**
 * Chinese names of the stored codes of applications and review cases, each list written once: applicant
 * types, Table 4's case kinds and results come from the national format file; statuses and outcomes from
 * their own modules. The import reads these names; the admin shows them for the codes.
 */
import format2021 from '../annual-report/formats/2021.json';
import { OUTCOMES } from './outcomes';
import { STATUS_LABELS } from './state-machine';
import { ID_TYPE_LABELS } from '../online-submission/identity';
import { DELIVERY_METHOD_LABELS, MEDIUM_LABELS } from '../online-submission/labels';

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
  'api::disclosure-application.disclosure-application.applicantIdType': ID_TYPE_LABELS,
  'api::disclosure-application.disclosure-application.deliveryMethod': DELIVERY_METHOD_LABELS,
  'api::disclosure-application.disclosure-application.deliveryMedium': MEDIUM_LABELS,
  'api::review-case.review-case.kind': REVIEW_KIND_LABELS,
  'api::review-case.review-case.result': REVIEW_RESULT_LABELS,
};

/**
 * Chinese names of the fields of applications and review cases: the labels of the admin's edit views and the
 * words the save rules use to name a field in their messages.
 */
export const FIELD_LABELS: Record<string, Record<string, string>> = {
  'api::disclosure-application.disclosure-application': {
    trackingNumber: '申请编号',
    organization: '办理机关',
    applicantType: '申请人类型',
    applicantName: '申请人姓名或名称',
    applicantContact: '联系方式',
    applicantIdType: '证件类型',
    applicantIdNumber: '证件号码',
    applicantPhone: '联系电话',
    applicantEmail: '电子邮箱',
    applicantAddress: '通信地址',
    applicantPostcode: '邮政编码',
    channel: '申请方式',
    submittedAt: '网上提交时间',
    receivedDate: '收到申请日期',
    requestedContent: '申请内容',
    requestedTitle: '所需信息的名称',
    requestedDocumentNumber: '所需信息的文号',
    deliveryMethod: '获取信息的方式',
    deliveryMedium: '信息的载体形式',
    applicationStatus: '办理状态',
    statusNote: '办理说明',
    dismissalReason: '不作为申请处理的理由',
    outcome: '办理结果',
    answeredDate: '答复日期',
    answerText: '答复内容',
    feeYuan: '信息处理费（元）',
    feePaidDate: '缴费日期',
    notes: '内部备注',
    correctionRequestedDate: '告知补正日期',
    correctionAnswerBy: '补正期限',
    correctionReceivedDate: '收到补正日期',
    correctionRequest: '补正告知内容',
    correctionReply: '申请人补正内容',
    consultations: '征求意见记录',
    extensionWorkingDays: '延长工作日数',
    extensionApprover: '延期批准人',
    extensionReason: '延期理由',
    extensionApprovedDate: '延期批准日期',
    dueDate: '答复期限',
    dueDateProvisional: '期限为暂定',
    missingCalendarYears: '缺少节假日安排的年份',
    correctionLimit: '补正告知期限',
    feeMethod: '收费方式',
    feeRequestNumberInMonth: '当月申请序号',
    feePages: '页数',
    reviewCases: '复议诉讼案件',
  },
  'api::review-case.review-case': {
    organization: '被申请机关',
    application: '相关申请',
    kind: '案件类型',
    caseNumber: '案号',
    filedDate: '立案日期',
    result: '审理结果',
    concludedDate: '审结日期',
  },
};

const APPLICATION_WORDS: Record<string, string> = {
  ...FIELD_LABELS['api::disclosure-application.disclosure-application'],
  ...ENUM_LABELS['api::disclosure-application.disclosure-application.applicationStatus'],
};

/**
 * The Chinese half of a rule's message with the attribute names and status codes it mentions replaced by
 * their Chinese names ("answeredDate" → “答复日期”), so that an officer reads the words of the form.
 */
export function inApplicationWords(zh: string): string {
  // “已答复”（answered）: the code after a quoted name is dropped rather than named twice.
  return zh
    .replace(/”（[A-Za-z.-]+）/g, '”')
    .replace(/[A-Za-z][A-Za-z-]*[A-Za-z]/g, (word) => (APPLICATION_WORDS[word] ? `“${APPLICATION_WORDS[word]}”` : word));
}

/** “标签” of an application field, for messages. */
export const applicationField = (field: string) => `“${FIELD_LABELS['api::disclosure-application.disclosure-application'][field] ?? field}”`;
/** “标签” of a review-case field, for messages. */
export const reviewCaseField = (field: string) => `“${FIELD_LABELS['api::review-case.review-case'][field] ?? field}”`;
