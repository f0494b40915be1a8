import type { Core } from '@strapi/strapi';
import { assignIndexNumber } from './index-number';
import { fieldError, findReferenced, relationTarget, shanghaiDate, toIsoDate } from '../plugins/disclosure/server/src';
import { ENUM_LABELS, fieldLabel } from '../data/admin-labels';

const UID = 'api::notice.notice';
/** “发布机构”: a field as the edit view names it. */
const F = (field: string) => `“${fieldLabel(UID, field)}”`;
const VALIDITY = ENUM_LABELS['api::notice.notice.validity'];

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
  if (!org) throw fieldError('organization', `所选${F('organization')}不存在`, 'organization does not exist');
  return org.code;
}

const CATEGORY = 'api::disclosure-category.disclosure-category';

/**
 * A notice is filed under a leaf of the catalogue: FDZD (the Art. 20 items) and FDZD.02 (政策文件) only
 * group their sub-categories, so a notice there would be counted and listed under none of them.
 */
async function checkCategory(strapi: Core.Strapi, data: Data) {
  const ref = relationTarget(data.category);
  if (!ref) return;
  const where = 'documentId' in ref ? { documentId: ref.documentId } : { id: ref.id };
  const category: any = await strapi.db.query(CATEGORY).findOne({ where, select: ['code', 'name'], populate: { children: { select: ['id'] } } });
  if (!category) throw fieldError('category', `所选${F('category')}不存在`, 'category does not exist');
  if (category.children?.length) {
    throw fieldError(
      'category',
      `“${category.code} ${category.name}”下还有子分类，${F('category')}请选择其中最末一级的分类`,
      `category ${category.code} has sub-categories: choose one of them`,
    );
  }
}

/** Field rules that involve more than one field. */
function checkDates(merged: Data) {
  const written = toIsoDate(merged.writtenDate);
  const abolished = toIsoDate(merged.abolishedDate);
  if (abolished && !['abolished', 'expired'].includes(merged.validity)) {
    throw fieldError(
      'abolishedDate',
      `只有${F('validity')}为“${VALIDITY.abolished}”或“${VALIDITY.expired}”时才能填写${F('abolishedDate')}`,
      'abolishedDate is only allowed when validity is "abolished" or "expired"',
    );
  }
  if (abolished && written && abolished < written) {
    throw fieldError(
      'abolishedDate',
      `${F('abolishedDate')}（${abolished}）不能早于${F('writtenDate')}（${written}）`,
      `abolishedDate (${abolished}) must not be before writtenDate (${written})`,
    );
  }
  const release = toIsoDate(merged.releaseDate);
  if (release && written && release < written) {
    throw fieldError(
      'releaseDate',
      `${F('releaseDate')}（${release}）不能早于${F('writtenDate')}（${written}）`,
      `releaseDate (${release}) must not be before writtenDate (${written})`,
    );
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
  await checkCategory(strapi, data);

  const current: string | null = existing?.indexNumber ?? null;
  const supplied = data.indexNumber;
  if (supplied !== undefined && supplied !== null && supplied !== '' && supplied !== current) {
    throw fieldError('indexNumber', `${F('indexNumber')}由系统自动分配，不能填写或修改`, 'indexNumber is assigned by the system and cannot be set or changed');
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
    throw fieldError('organization', `发布前须选择${F('organization')}`, 'a notice must name its organization (发布机构) before it is published');
  }
  await strapi.db.query(UID).updateMany({
    where: { documentId, publishedAt: null, releaseDate: null },
    data: { releaseDate: shanghaiDate() },
  });
}
