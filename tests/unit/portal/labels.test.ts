import {
  DOCUMENT_TYPE_VALUES,
  LABELS,
  LOCALES,
  REPORT_SECTIONS,
  VALIDITY_VALUES,
  documentTypeLabel,
  sectionLabel,
  t,
  validityLabel,
} from '../../../portal/src/i18n';

describe('label tables', () => {
  const hans = LABELS['zh-Hans'];
  const hant = LABELS['zh-Hant'];

  it('have the same keys in both scripts, all non-empty', () => {
    expect(Object.keys(hant).sort()).toEqual(Object.keys(hans).sort());
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(LABELS[locale])) {
        expect(typeof value).toBe('string');
        expect(`${key}:${value.trim()}`).not.toBe(`${key}:`);
      }
    }
  });

  it('keep the same placeholders in both scripts', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(hans) as (keyof typeof hans)[]) {
      expect([key, placeholders(hant[key])]).toEqual([key, placeholders(hans[key])]);
    }
  });

  it('are really written in each script for the common words', () => {
    expect(hans.siteTitle).toBe('政府信息公开');
    expect(hant.siteTitle).toBe('政府信息公開');
    expect(hant.indexNumber).toBe('索引號');
    expect(hant.documentNumber).toBe('文號');
    expect(hant.abolishedDate).toBe('廢止日期');
    // Most labels differ between the scripts; identical ones are words written alike in both.
    const same = Object.keys(hans).filter((k) => hans[k as keyof typeof hans] === hant[k as keyof typeof hans]);
    expect(same.length).toBeLessThan(Object.keys(hans).length / 3);
  });

  it('carry the 公开目录 metadata labels', () => {
    expect(
      ['indexNumber', 'assignedCategory', 'publisher', 'writtenDate', 'publishedDate', 'documentNumber', 'validity'].map((k) => t('zh-Hans', k as any)),
    ).toEqual(['索引号', '组配分类', '发布机构', '成文日期', '发布日期', '文号', '有效性']);
  });

  it('fill placeholders', () => {
    expect(t('zh-Hans', 'resultsCount', { n: 52 })).toBe('共 52 条');
    expect(t('zh-Hant', 'pageOf', { page: 2, pages: 6 })).toBe('第 2 / 6 頁');
  });

  it('name every validity value in both scripts', () => {
    expect(VALIDITY_VALUES.sort()).toEqual(['abolished', 'expired', 'in-force', 'not-applicable']);
    expect(VALIDITY_VALUES.map((v) => validityLabel('zh-Hans', v))).toEqual(['废止', '失效', '有效', '不适用']);
    expect(VALIDITY_VALUES.map((v) => validityLabel('zh-Hant', v))).toEqual(['廢止', '失效', '有效', '不適用']);
    expect(validityLabel('zh-Hans', null)).toBe('');
    expect(validityLabel('zh-Hans', 'unknown')).toBe('unknown');
  });

  it('name every document type of the notice schema', () => {
    expect(DOCUMENT_TYPE_VALUES.sort()).toEqual([
      'announcement',
      'enforcement-decision',
      'licensing-decision',
      'normative-document',
      'other',
      'other-document',
      'policy-interpretation',
      'punishment-decision',
      'regulation',
      'work-update',
    ]);
    for (const v of DOCUMENT_TYPE_VALUES) {
      expect(documentTypeLabel('zh-Hans', v)).not.toBe(v);
      expect(documentTypeLabel('zh-Hant', v)).not.toBe(v);
    }
  });

  it('name the six report sections', () => {
    expect(REPORT_SECTIONS).toEqual(['overview', 'proactive', 'applications', 'reviewsAndLawsuits', 'problems', 'otherMatters']);
    expect(REPORT_SECTIONS.map((s) => sectionLabel('zh-Hans', s))).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
});
