/**
 * Identity document numbers an online applicant types (条例 Art. 29: 身份证明). The two national numbers
 * carry a check character, so a typing error is caught at the form instead of by an officer days later.
 */

/** GB 11643-1999 公民身份号码: 17 digits and a check character (ISO 7064 MOD 11-2). */
const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** GB 32100-2015 统一社会信用代码: 17 characters of a 31-letter alphabet and a check character (MOD 31). */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const ID_TYPES = ['resident-id', 'passport', 'hk-macao-permit', 'taiwan-permit', 'foreign-permanent-id', 'uscc', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** Chinese names of the document types (the form's choices, the admin's enum names). */
export const ID_TYPE_LABELS: Record<IdType, string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macao-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'foreign-permanent-id': '外国人永久居留身份证',
  uscc: '统一社会信用代码',
  other: '其他有效证件',
};

/** Upper case, without the spaces and hyphens people type into long numbers. */
export const normalizeIdNumber = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

function validDay(yyyymmdd: string, today: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return y >= 1900 && `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` <= today;
}

/** The check character of the first 17 characters of an 18-character resident ID. */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i];
  return RESIDENT_CHECK[sum % 11];
}

/** The check character of the first 17 characters of a 统一社会信用代码. */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export type IdProblem = { zh: string; en: string };

/**
 * What is wrong with an identity number of the given type (null when it is right). `today` (YYYY-MM-DD)
 * bounds the birth date a resident ID holds.
 */
export function idNumberProblem(type: IdType, raw: string, today: string): IdProblem | null {
  const value = normalizeIdNumber(raw);
  if (type === 'resident-id' || type === 'foreign-permanent-id') {
    const name = ID_TYPE_LABELS[type];
    if (!/^[1-9]\d{16}[\dX]$/.test(value)) {
      return { zh: `${name}号码须为18位：17位数字加1位数字或X`, en: `${type} number must be 18 characters: 17 digits and a digit or X` };
    }
    if (!validDay(value.slice(6, 14), today)) {
      return { zh: `${name}号码中的出生日期（第7至14位）不是有效日期`, en: `the birth date in the ${type} number (characters 7–14) is not a valid date` };
    }
    if (residentIdCheck(value) !== value[17]) {
      return { zh: `${name}号码的校验位不正确，请核对是否输错`, en: `the check character of the ${type} number is wrong: please check for a typing error` };
    }
    return null;
  }
  if (type === 'uscc') {
    if (!new RegExp(`^[${USCC_ALPHABET}]{18}$`).test(value)) {
      return {
        zh: '统一社会信用代码须为18位数字或大写字母（不含I、O、Z、S、V）',
        en: 'a unified social credit code is 18 digits or capital letters (without I, O, Z, S, V)',
      };
    }
    if (usccCheck(value) !== value[17]) {
      return {
        zh: '统一社会信用代码的校验位不正确，请核对是否输错',
        en: 'the check character of the unified social credit code is wrong: please check for a typing error',
      };
    }
    return null;
  }
  if (type === 'hk-macao-permit' && !/^[HM]\d{8}(\d{2})?$/.test(value)) {
    return {
      zh: '港澳居民来往内地通行证号码须为H或M加8位或10位数字',
      en: 'a Mainland travel permit for Hong Kong and Macao residents is H or M and 8 or 10 digits',
    };
  }
  if (type === 'taiwan-permit' && !/^\d{8}(\d{2})?$/.test(value)) {
    return { zh: '台湾居民来往大陆通行证号码须为8位或10位数字', en: 'a Mainland travel permit for Taiwan residents is 8 or 10 digits' };
  }
  if (!/^[A-Z0-9]{5,30}$/.test(value)) {
    return { zh: '证件号码须为5至30位字母或数字', en: 'the document number must be 5 to 30 letters or digits' };
  }
  return null;
}
