import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCESS_LOG_UID } from './actions';
import { adminRequest } from './guard';

export const accessLogSchema = {
  kind: 'collectionType',
  collectionName: 'disclosure_access_log',
  info: {
    singularName: 'access-log',
    pluralName: 'access-logs',
    displayName: 'Access log (个人信息访问记录)',
    description: 'Who read which application or review case, when, through which route. Written by the plugin only.',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    userId: { type: 'integer' },
    userEmail: { type: 'string', maxLength: 255 },
    subject: { type: 'string', maxLength: 100 },
    documentIds: { type: 'json' },
    count: { type: 'integer' },
    method: { type: 'string', maxLength: 10 },
    route: { type: 'string', maxLength: 500 },
    occurredAt: { type: 'datetime', required: true },
  },
};

/**
 * Records a read of applicants' data by an admin (no-op outside admin requests). One row per request and
 * subject: a list view is one row with the documentIds it showed. Write failures never hide the data
 * from the officer, but are logged.
 */
export async function recordAccess(strapi: Core.Strapi, subject: string, documentIds: string[]) {
  const request = adminRequest(strapi);
  if (!request || documentIds.length === 0) return;
  const ctx = request.ctx;
  try {
    await strapi.db.query(ACCESS_LOG_UID as any).create({
      data: {
        userId: request.user.id,
        userEmail: String(request.user.email ?? '').slice(0, 255),
        subject,
        documentIds: [...new Set(documentIds)].slice(0, 1000),
        count: documentIds.length,
        method: String(ctx.method ?? '').slice(0, 10),
        route: String(ctx.path ?? '').slice(0, 500),
        occurredAt: new Date(),
      },
    });
  } catch (e: any) {
    strapi.log.error(`disclosure: could not record an access to ${subject}: ${e.message}`);
  }
}

/** GET /disclosure/access-log?page=&pageSize= : newest first (super admins: access-log.read). */
export const accessLogController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const page = Number(ctx.query?.page ?? 1);
    const pageSize = Number(ctx.query?.pageSize ?? 50);
    if (!Number.isInteger(page) || page < 1 || page > 100000)
      throw new errors.ValidationError('page 必须是 1–100000 的整数 / page must be an integer 1–100000');
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200)
      throw new errors.ValidationError('pageSize 必须是 1–200 的整数 / pageSize must be an integer 1–200');
    const q = strapi.db.query(ACCESS_LOG_UID as any);
    const [rows, total] = await Promise.all([
      q.findMany({ orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      q.count({}),
    ]);
    ctx.body = {
      data: rows.map((r: any) => ({
        id: r.id,
        occurredAt: r.occurredAt,
        userId: r.userId,
        userEmail: r.userEmail,
        subject: r.subject,
        documentIds: r.documentIds,
        count: r.count,
        method: r.method,
        route: r.route,
      })),
      meta: { pagination: { page, pageSize, total } },
    };
  },
});
