import type { Core } from '@strapi/strapi';
import { assignIndexNumber } from './index-number';
import { fieldError, findReferenced, relationTarget, shanghaiDate, toIsoDate } from '../plugins/disclosure/server/src';

const UID = 'api::notice.notice';

type Data = Record<string, any>;

/** The stored non-localized state of a notice document (any locale, any version), or null when new. */
async function existingNotice(strapi: Core.Strapi, documentId: string | undefined) {
  if (!documentId) return null;
  return strapi.db.query(UID).findOne({
    where: { documentId },
    select: ['indexNumber', 'validity', 'writtenDate', 'abolishedDate', 'releaseDate'],
    populate: { organization: { select: ['code'] } },
    orderBy: { indexNumber: 'asc' },
  });
}

async function organizationCode(strapi: Core.Strapi, data: Data, existing: any): Promise<string | null> {
  const ref = relationTarget(data.organization);
  if (ref === null) return null;
  if (ref === undefined) return existing?.organization?.code ?? null;
  const org = await findReferenced<{ code: string }>(strapi, 'api::organization.organization', ref, ['code']);
  if (!org) throw fieldError('organization', 'organization does not exist');
  return org.code;
}

/** Field rules that involve more than one field. */
function checkDates(merged: Data) {
  const written = toIsoDate(merged.writtenDate);
  const abolished = toIsoDate(merged.abolishedDate);
  if (abolished && !['abolished', 'expired'].includes(merged.validity)) {
    throw fieldError('abolishedDate', 'abolishedDate is only allowed when validity is "abolished" or "expired"');
  }
  if (abolished && written && abolished < written) {
    throw fieldError('abolishedDate', `abolishedDate (${abolished}) must not be before writtenDate (${written})`);
  }
  const release = toIsoDate(merged.releaseDate);
  if (release && written && release < written) {
    throw fieldError('releaseDate', `releaseDate (${release}) must not be before writtenDate (${written})`);
  }
}

/**
 * On create/update: the 索引号 is assigned once, on the first save that names an organization, and
 * never changes afterwards; a payload may repeat it but not alter it.
 */
export async function beforeNoticeWrite(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  const data: Data = params.data ?? {};
  const existing = action === 'update' ? await existingNotice(strapi, params.documentId) : null;
  checkDates({ ...(existing ?? {}), ...data });

  const current: string | null = existing?.indexNumber ?? null;
  const supplied = data.indexNumber;
  if (supplied !== undefined && supplied !== null && supplied !== '' && supplied !== current) {
    throw fieldError('indexNumber', 'indexNumber is assigned by the system and cannot be set or changed');
  }
  if (current) {
    data.indexNumber = current;
  } else {
    const code = await organizationCode(strapi, data, existing);
    if (code) data.indexNumber = await assignIndexNumber(strapi, code, data.releaseDate ?? existing?.releaseDate);
    else delete data.indexNumber;
  }
  params.data = data;
}

/** On publish: a notice needs its organization, and gets today's date (Asia/Shanghai) as 发布日期 when empty. */
export async function beforeNoticePublish(strapi: Core.Strapi, params: any) {
  const { documentId } = params;
  const draft = await existingNotice(strapi, documentId);
  if (!draft) return;
  if (!draft.organization) {
    throw fieldError('organization', 'a notice must name its organization (发布机构) before it is published');
  }
  await strapi.db.query(UID).updateMany({
    where: { documentId, publishedAt: null, releaseDate: null },
    data: { releaseDate: shanghaiDate() },
  });
}
