import type { Core } from '@strapi/strapi';
import { TOWNSHIP_CODE } from '../data/demo';
import { shanghaiYear } from '../plugins/disclosure/server/src';

const REPORT_UID = 'api::annual-report.annual-report';

/**
 * What the township writes where the generator leaves a 【待补充：…】 marker (the generator states the
 * numbers; these sentences are the office's own account). Keyed by the marker's opening words.
 */
const DEMO_PROSE: readonly [marker: string, text: string][] = [
  ['【待补充：政府信息公开审查', '本镇坚持公文公开属性源头认定，拟制公文时同步明确公开方式；对涉及群众切身利益的政策文件同步开展解读，做到应公开尽公开。'],
  ['【待补充：政府网站', '本镇依托湘乡市人民政府门户网站政府信息公开专栏发布信息，并通过镇村政务公开栏同步公开与群众利益密切相关的事项。'],
  ['【待补充：工作考核', '本镇将政务公开工作纳入年度绩效考核，组织工作人员参加政务公开业务培训，全年未发生因政务公开工作被责任追究的情况。'],
  [
    '【待补充：本年度政府信息公开工作存在的主要问题',
    '一是信息发布的及时性有待提高；二是政策解读形式较为单一。下一步，本镇将加强信息发布审核，丰富解读形式，提升公开实效。',
  ],
  ['【待补充：其他需要报告的事项', '本年度无需要公开办理结果的人大代表建议和政协提案。'],
];

function fill(value: unknown): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const [marker, prose] of DEMO_PROSE) text = text.replace(new RegExp(`${marker}[^】]*】`, 'g'), prose);
    return text;
  }
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  return value;
}

/**
 * Generates and publishes the demo township's annual reports (2020 in the trial format, the current
 * year in the 2021 format) so that the portal has reports to show from the first start. The office's
 * own paragraphs replace the generator's placeholders first: a report with placeholders cannot be published.
 */
export async function publishDemoReports(strapi: Core.Strapi): Promise<number[]> {
  const reports = strapi.plugin('disclosure')?.service('reports');
  if (!reports) return [];
  const years = [2020, shanghaiYear()];
  for (const year of years) {
    const report = await reports.generate({ organization: TOWNSHIP_CODE, year });
    const draft: any = await strapi.documents(REPORT_UID).findOne({ documentId: report.documentId, locale: 'zh-Hans', status: 'draft' });
    const data = Object.fromEntries(['overview', 'problems', 'otherMatters'].map((k) => [k, fill(draft[k])]));
    await strapi.documents(REPORT_UID).update({ documentId: report.documentId, locale: 'zh-Hans', data: data as any });
    await strapi.documents(REPORT_UID).publish({ documentId: report.documentId, locale: 'zh-Hans' });
  }
  return years;
}
