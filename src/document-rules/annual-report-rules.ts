import type { Core } from '@strapi/strapi';
import { fieldError, relationTarget } from '../plugins/disclosure/server/src';

const UID = 'api::annual-report.annual-report';

/** One annual report per organization and year (its locales and versions are one document). */
export async function beforeAnnualReportWrite(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  const data: Record<string, any> = params.data ?? {};
  const existing: any =
    action === 'update' && params.documentId
      ? await strapi.db.query(UID).findOne({
          where: { documentId: params.documentId },
          select: ['year'],
          populate: { organization: { select: ['documentId'] } },
        })
      : null;
  if (data.formatVersion !== undefined && data.formatVersion !== null && ![2019, 2021].includes(Number(data.formatVersion))) {
    throw fieldError(
      'formatVersion',
      '“报告格式”须为2021（国办公开办函〔2021〕30号）或2019（2019—2020年试行格式）',
      'formatVersion must be 2021 (国办公开办函〔2021〕30号) or 2019 (the 2019–2020 trial format)',
    );
  }
  const year = data.year ?? existing?.year;
  let orgDocumentId: string | undefined = existing?.organization?.documentId;
  const ref = relationTarget(data.organization);
  if (ref === null) orgDocumentId = undefined;
  else if (ref && 'documentId' in ref) orgDocumentId = ref.documentId;
  else if (ref && 'id' in ref) {
    const org = await strapi.db.query('api::organization.organization').findOne({ where: { id: ref.id }, select: ['documentId'] });
    orgDocumentId = org?.documentId;
  }
  if (!year || !orgDocumentId) return;
  const clash = await strapi.db.query(UID).findOne({
    where: {
      year,
      organization: { documentId: orgDocumentId },
      ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}),
    },
    select: ['documentId'],
  });
  if (clash) {
    throw fieldError(
      'year',
      `该机关${year}年度的年度报告已经存在（${clash.documentId}），请编辑原报告`,
      `an annual report for this organization and year ${year} already exists (${clash.documentId})`,
    );
  }
}
