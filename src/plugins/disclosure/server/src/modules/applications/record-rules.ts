import type { Core } from '@strapi/strapi';
import { fieldError } from '../common/field-error';
import { findReferenced, relationTarget } from '../common/relations';
import { nextSequenceValue } from '../common/sequences';
import { shanghaiDate, toIsoDate } from '../../core/working-days/calendar-date';
import { applicationField, reviewCaseField } from '../../core/working-days/labels';

const UID = 'api::disclosure-application.disclosure-application';

export function formatTrackingNumber(organizationCode: string, year: number, sequence: number): string {
  return `${organizationCode}-YSQ-${year}-${String(sequence).padStart(5, '0')}`;
}

/** Tracking numbers: assigned once from the organization and the receipt year, never changed. */
export async function beforeApplicationWrite(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  const data: Record<string, any> = params.data ?? {};
  const existing: any =
    action === 'update' && params.documentId
      ? await strapi.db.query(UID).findOne({
          where: { documentId: params.documentId },
          populate: { organization: { select: ['code'] } },
        })
      : null;
  if (existing) {
    if (data.trackingNumber !== undefined && data.trackingNumber !== existing.trackingNumber) {
      throw fieldError('trackingNumber', `${applicationField('trackingNumber')}由系统分配，不能修改`, 'trackingNumber cannot be changed once assigned');
    }
    const stamp = (v: unknown) => (v ? new Date(v as string).getTime() : null);
    if (data.submittedAt !== undefined && stamp(data.submittedAt) !== stamp(existing.submittedAt)) {
      throw fieldError('submittedAt', `${applicationField('submittedAt')}由系统记录，不能修改`, 'submittedAt is recorded by the system and cannot be changed');
    }
    if (data.queryCodeHash !== undefined && data.queryCodeHash !== existing.queryCodeHash) {
      throw fieldError('queryCodeHash', '查询码由系统生成，不能修改', 'the query code is generated once and cannot be changed');
    }
    return;
  }
  // Imported applications keep the tracking number they had; new ones get the next one.
  if (data.trackingNumber) return;
  const ref = relationTarget(data.organization);
  if (!ref) throw fieldError('organization', `须选择${applicationField('organization')}`, 'organization is required');
  const org = await findReferenced<{ code: string }>(strapi, 'api::organization.organization', ref, ['code']);
  if (!org) throw fieldError('organization', `所选${applicationField('organization')}不存在`, 'organization does not exist');
  // An online submission is numbered on the day it arrives, before its receipt is confirmed.
  const received =
    toIsoDate(data.receivedDate) ?? (data.applicationStatus === 'submitted' && data.submittedAt ? shanghaiDate(new Date(data.submittedAt)) : null);
  if (!received) throw fieldError('receivedDate', `须填写${applicationField('receivedDate')}（YYYY-MM-DD）`, 'receivedDate is required (YYYY-MM-DD)');
  const year = Number(received.slice(0, 4));
  const sequence = await nextSequenceValue(strapi, `application:${org.code}:${year}`);
  data.trackingNumber = formatTrackingNumber(org.code, year, sequence);
  params.data = data;
}

export async function beforeReviewCaseWrite(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  const data: Record<string, any> = params.data ?? {};
  const existing: any =
    action === 'update' && params.documentId
      ? await strapi.db.query('api::review-case.review-case').findOne({ where: { documentId: params.documentId } })
      : null;
  const merged = { ...(existing ?? {}), ...data };
  const filed = toIsoDate(merged.filedDate);
  const concluded = toIsoDate(merged.concludedDate);
  if (concluded && filed && concluded < filed) {
    throw fieldError(
      'concludedDate',
      `${reviewCaseField('concludedDate')}（${concluded}）不能早于${reviewCaseField('filedDate')}（${filed}）`,
      `concludedDate (${concluded}) must not be before filedDate (${filed})`,
    );
  }
  if (concluded && merged.result === 'pending') {
    throw fieldError(
      'result',
      `已审结的案件须填写${reviewCaseField('result')}（维持、纠正或其他），不能为“尚未审结”`,
      'a concluded case needs its result (upheld, corrected or other), not "pending"',
    );
  }
}
