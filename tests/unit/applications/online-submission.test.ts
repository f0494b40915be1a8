import {
  hashQueryCode,
  idNumberProblem,
  newQueryCode,
  parseSubmission,
  QUERY_CODE_LENGTH,
  queryCodeMatches,
  residentIdCheck,
  usccCheck,
} from '../../../src/plugins/disclosure/server/src/core/online-submission';

const TODAY = '2026-12-06';
const VALID = {
  organization: 'abc123',
  applicantType: 'naturalPerson',
  applicantName: '张三',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '13800001234',
  email: '',
  deliveryMethod: 'postal-mail',
  medium: 'paper',
  address: '湖南省湘乡市壶天镇1号',
  requestedContent: '请公开本镇2026年农村危房改造补助名单',
  consent: 'true',
};

describe('identity numbers', () => {
  it('computes the check characters of the national standards’ own examples', () => {
    // GB 11643-1999's example number and GB 32100-2015's example code
    expect(residentIdCheck('11010519491231002')).toBe('X');
    expect(usccCheck('91350100M000100Y4')).toBe('3');
  });

  it('accepts a right number and names what is wrong with a wrong one', () => {
    expect(idNumberProblem('resident-id', '110105 19491231 002x', TODAY)).toBeNull();
    expect(idNumberProblem('resident-id', '110105194912310021', TODAY)?.zh).toMatch(/校验位不正确/);
    expect(idNumberProblem('resident-id', '110105194902300028', TODAY)?.zh).toMatch(/出生日期/);
    expect(idNumberProblem('resident-id', '110105209912310020', TODAY)?.zh).toMatch(/出生日期/);
    expect(idNumberProblem('resident-id', '1101051949123100', TODAY)?.zh).toMatch(/18位/);
    expect(idNumberProblem('uscc', '91350100M000100Y43', TODAY)).toBeNull();
    expect(idNumberProblem('uscc', '91350100M000100Y44', TODAY)?.zh).toMatch(/校验位不正确/);
    expect(idNumberProblem('uscc', '91350100I000100Y43', TODAY)?.zh).toMatch(/不含I、O、Z、S、V/);
    expect(idNumberProblem('hk-macao-permit', 'H12345678', TODAY)).toBeNull();
    expect(idNumberProblem('taiwan-permit', '1234567', TODAY)?.zh).toMatch(/8位或10位/);
    expect(idNumberProblem('passport', 'E1234567', TODAY)).toBeNull();
  });

  it('catches every single-character typing error of a resident ID', () => {
    const id = '43038119900307123' + residentIdCheck('43038119900307123');
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === id[i]) continue;
        const typo = id.slice(0, i) + d + id.slice(i + 1);
        tried += 1;
        // a typo in the birth date may make the date invalid instead: either way it is refused
        if (idNumberProblem('resident-id', typo, TODAY)) caught += 1;
      }
    }
    expect(caught).toBe(tried);
  });
});

describe('parseSubmission', () => {
  it('reads a valid form and normalises the ID number', () => {
    const r = parseSubmission({ ...VALID, idNumber: '110105 19491231 002x' }, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.submission).toMatchObject({ applicantType: 'naturalPerson', idNumber: '11010519491231002X', email: null, deliveryMethod: 'postal-mail' });
  });

  it('lists every problem, each naming its field in Chinese first', () => {
    const r = parseSubmission({ applicantType: 'commercial', idType: 'resident-id', idNumber: 'x', deliveryMethod: 'email', medium: 'paper' }, TODAY);
    const fields = r.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['consent', 'organization', 'applicantName', 'idType', 'idNumber', 'phone', 'email', 'medium', 'requestedContent']),
    );
    expect(r.problems.find((p) => p.field === 'idType')?.zh).toBe('法人或者其他组织申请的，证件类型须为统一社会信用代码');
    for (const p of r.problems) expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('needs an address for delivery by post, an email for delivery by email, and refuses the honeypot and control characters', () => {
    expect(parseSubmission({ ...VALID, address: '' }, TODAY).problems.map((p) => p.field)).toEqual(['address']);
    expect(parseSubmission({ ...VALID, deliveryMethod: 'email', medium: 'electronic' }, TODAY).problems.map((p) => p.field)).toEqual(['email']);
    expect(parseSubmission({ ...VALID, website: 'http://spam' }, TODAY).problems.map((p) => p.field)).toEqual(['website']);
    expect(parseSubmission({ ...VALID, applicantName: '张\u0000三' }, TODAY).problems.map((p) => p.field)).toEqual(['applicantName']);
    expect(parseSubmission({ ...VALID, requestedContent: '字'.repeat(2001) }, TODAY).problems.map((p) => p.field)).toEqual(['requestedContent']);
    expect(parseSubmission({ ...VALID, phone: '12345' }, TODAY).problems.map((p) => p.field)).toEqual(['phone']);
    expect(parseSubmission([1], TODAY).problems.map((p) => p.field)).toEqual(['body']);
  });
});

describe('query codes', () => {
  it('are random, stored only as a salted hash, and match however they are typed', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newQueryCode()));
    expect(codes.size).toBe(2000);
    const code = [...codes][0];
    expect(code).toMatch(new RegExp(`^[2-9A-HJ-KM-NP-Z]{${QUERY_CODE_LENGTH}}$`));
    const stored = hashQueryCode(code);
    expect(stored).not.toContain(code);
    expect(hashQueryCode(code)).not.toBe(stored);
    expect(queryCodeMatches(stored, code)).toBe(true);
    expect(queryCodeMatches(stored, `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`)).toBe(true);
    expect(queryCodeMatches(stored, newQueryCode())).toBe(false);
    expect(queryCodeMatches(null, code)).toBe(false);
  });
});
