/**
 * An online application as the portal's form sends it (条例 Art. 29: who applies and how to reach them,
 * what is asked for, how it is to be delivered), checked field by field. Pure: the organization and the
 * attachment are checked by the caller, which has the database and the file.
 */
import { APPLICANT_TYPE_LABELS } from '../working-days/labels';
import { type DeliveryMethod, DELIVERY_METHOD_LABELS, DELIVERY_METHODS, MEDIA, type Medium, MEDIUM_LABELS } from './labels';
import { ID_TYPES, ID_TYPE_LABELS, type IdType, idNumberProblem, normalizeIdNumber } from './identity';

/** The six Table 3 columns (the national format file's codes). */
export const APPLICANT_TYPES = Object.keys(APPLICANT_TYPE_LABELS);

/** The field a browser fills but a person never sees: a bot that fills it is refused. */
export const HONEYPOT_FIELD = 'website';

export const LIMITS = { name: 100, idNumber: 30, phone: 30, email: 100, address: 200, content: 2000, title: 200, documentNumber: 100 } as const;

export interface Submission {
  organization: string;
  applicantType: string;
  applicantName: string;
  idType: IdType;
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  requestedContent: string;
  requestedTitle: string | null;
  requestedDocumentNumber: string | null;
  deliveryMethod: DeliveryMethod;
  medium: Medium;
}

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

/** Form labels: the words the portal shows, used to name a field in a message. */
export const SUBMISSION_FIELD_LABELS: Record<string, string> = {
  organization: '受理机关',
  applicantType: '申请人类型',
  applicantName: '姓名或名称',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  requestedContent: '所需信息的内容描述',
  requestedTitle: '所需信息的名称',
  requestedDocumentNumber: '文号',
  deliveryMethod: '获取信息的方式',
  medium: '信息的载体形式',
  consent: '个人信息使用说明',
  [HONEYPOT_FIELD]: '网址',
};

const label = (field: string) => `“${SUBMISSION_FIELD_LABELS[field] ?? field}”`;
// Control characters other than line breaks and tabs: never typed by a person.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\+?\d[\d -]{6,20}\d)$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,100}\.[^\s@]{2,}$/;

/**
 * Reads the form's fields (strings, as the portal sends them). Answers the submission, or every problem
 * found, each naming its field in Chinese and English. `today` (YYYY-MM-DD, Asia/Shanghai) bounds birth dates.
 */
export function parseSubmission(body: unknown, today: string): { submission: Submission; problems: [] } | { submission: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, zh, en });
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { submission: null, problems: [{ field: 'body', zh: '请求内容须为表单字段', en: 'the request body must hold the form’s fields' }] };
  }
  const input = body as Record<string, unknown>;
  const text = (field: string, max: number, required: boolean, multiline = false): string | null => {
    const raw = input[field];
    if (raw === undefined || raw === null || raw === '') {
      if (required) add(field, `请填写${label(field)}`, `${field} is required`);
      return null;
    }
    if (typeof raw !== 'string') {
      add(field, `${label(field)}须为文字`, `${field} must be text`);
      return null;
    }
    const value = raw.trim();
    if (!value) {
      if (required) add(field, `请填写${label(field)}`, `${field} is required`);
      return null;
    }
    if (CONTROL.test(value) || (!multiline && /[\r\n]/.test(value))) {
      add(field, `${label(field)}含有不能使用的字符`, `${field} holds characters that are not allowed`);
      return null;
    }
    if ([...value].length > max) {
      add(field, `${label(field)}不能超过${max}个字`, `${field} must be at most ${max} characters`);
      return null;
    }
    return value;
  };
  const choice = <T extends string>(field: string, options: readonly T[], names: Record<string, string>): T | null => {
    const raw = input[field];
    if (raw === undefined || raw === null || raw === '') {
      add(field, `请选择${label(field)}`, `${field} is required`);
      return null;
    }
    if (typeof raw !== 'string' || !(options as readonly string[]).includes(raw)) {
      add(field, `${label(field)}须为以下之一：${options.map((o) => names[o] ?? o).join('、')}`, `${field} must be one of ${options.join(', ')}`);
      return null;
    }
    return raw as T;
  };

  const honeypot = input[HONEYPOT_FIELD];
  if (honeypot !== undefined && honeypot !== null && honeypot !== '') {
    add(HONEYPOT_FIELD, '提交未通过校验，请刷新页面后重新填写', 'the form was not filled in by a person: reload the page and fill it in again');
  }
  const consent = input.consent;
  if (consent !== true && consent !== 'true' && consent !== 'on') {
    add('consent', '请阅读并同意个人信息使用说明', 'consent to the use of personal data is required');
  }
  const organization = input.organization;
  if (typeof organization !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(organization))
    add('organization', `请选择${label('organization')}`, 'organization is required');
  const applicantType = choice('applicantType', APPLICANT_TYPES, APPLICANT_TYPE_LABELS);
  const applicantName = text('applicantName', LIMITS.name, true);
  const idType = choice('idType', ID_TYPES, ID_TYPE_LABELS);
  const idRaw = text('idNumber', LIMITS.idNumber, true);
  let idNumber: string | null = null;
  if (applicantType && idType) {
    const organizationApplicant = applicantType !== 'naturalPerson';
    if (organizationApplicant && idType !== 'uscc') {
      add(
        'idType',
        '法人或者其他组织申请的，证件类型须为统一社会信用代码',
        'an organization identifies itself by its unified social credit code (idType "uscc")',
      );
    } else if (!organizationApplicant && idType === 'uscc') {
      add('idType', '公民申请的，证件类型须为个人身份证件', 'a natural person identifies with a personal identity document, not "uscc"');
    }
  }
  if (idType && idRaw) {
    const problem = idNumberProblem(idType, idRaw, today);
    if (problem) add('idNumber', problem.zh, problem.en);
    else idNumber = normalizeIdNumber(idRaw);
  }
  const phone = text('phone', LIMITS.phone, false);
  if (phone && !PHONE.test(phone)) add('phone', `${label('phone')}须为手机号码或带区号的固定电话`, 'phone must be a mobile or landline number');
  const email = text('email', LIMITS.email, false);
  if (email && !EMAIL.test(email)) add('email', `${label('email')}格式不正确`, 'email is not a valid address');
  if (!phone && !email && !problems.some((p) => p.field === 'phone' || p.field === 'email')) {
    add('phone', `请至少填写${label('phone')}或${label('email')}中的一项`, 'a phone number or an email address is required');
  }
  const deliveryMethod = choice('deliveryMethod', DELIVERY_METHODS, DELIVERY_METHOD_LABELS);
  const medium = choice('medium', MEDIA, MEDIUM_LABELS);
  const address = text('address', LIMITS.address, deliveryMethod === 'postal-mail');
  const postcode = text('postcode', 6, false);
  if (postcode && !/^\d{6}$/.test(postcode)) add('postcode', `${label('postcode')}须为6位数字`, 'postcode must be 6 digits');
  if (deliveryMethod === 'email' && !email && !problems.some((p) => p.field === 'email')) {
    add('email', `选择以电子邮件获取信息的，须填写${label('email')}`, 'delivery by email needs an email address');
  }
  if (deliveryMethod === 'email' && medium === 'paper') {
    add('medium', '以电子邮件获取信息的，载体形式须为电子', 'delivery by email is electronic: medium must be "electronic"');
  }
  const requestedContent = text('requestedContent', LIMITS.content, true, true);
  if (requestedContent && [...requestedContent].length < 5) {
    add(
      'requestedContent',
      `${label('requestedContent')}过短，请写明所需信息的名称、文号或者便于查询的其他特征`,
      'requestedContent is too short to identify the information',
    );
  }
  const requestedTitle = text('requestedTitle', LIMITS.title, false);
  const requestedDocumentNumber = text('requestedDocumentNumber', LIMITS.documentNumber, false);

  if (problems.length) return { submission: null, problems };
  return {
    submission: {
      organization: organization as string,
      applicantType: applicantType!,
      applicantName: applicantName!,
      idType: idType!,
      idNumber: idNumber!,
      phone,
      email,
      address,
      postcode,
      requestedContent: requestedContent!,
      requestedTitle,
      requestedDocumentNumber,
      deliveryMethod: deliveryMethod!,
      medium: medium!,
    },
    problems: [],
  };
}
