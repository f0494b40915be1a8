import type { Core } from '@strapi/strapi';
import { APPLICATION_UID, REVIEW_CASE_UID } from '../applications/content-types';
import { errors } from '@strapi/utils';
import { isSuperAdmin, organizationsOfUser } from '../applications/scope';
import { ACTIONS, actionId, PRIVATE_TYPES } from './actions';
import { recordAccess } from './access-log';
import { refused } from '../applications/http-errors';

const READS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const SCOPED = new Set([APPLICATION_UID, REVIEW_CASE_UID]);
const NO_ORGANIZATION = '__no-organization__';

/** Attribute names a filter tree names (operators skipped), at its top level. */
function filteredFields(filters: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(filters)) filters.forEach((f) => filteredFields(f, out));
  else if (filters && typeof filters === 'object') {
    for (const [key, value] of Object.entries(filters)) {
      if (key.startsWith('$')) filteredFields(value, out);
      else out.add(key);
    }
  }
  return out;
}

function sortedFields(sort: unknown): string[] {
  const items = Array.isArray(sort) ? sort : sort === undefined || sort === null ? [] : [sort];
  return items.flatMap((item) =>
    typeof item === 'string' ? item.split(',').map((s) => s.split(':')[0].split('.')[0].trim()) : item && typeof item === 'object' ? Object.keys(item) : [],
  );
}

/**
 * A filter, sort or full-text search on a personal field the caller may not read would answer questions
 * about it (how many applicants are called …): refused. The content manager passes such filters through.
 */
function checkPersonalQuery(strapi: Core.Strapi, uid: string, ability: any, params: any) {
  const attributes: Record<string, any> = (strapi.contentType(uid as any) as any).attributes;
  const personal = Object.keys(attributes).filter((name) => attributes[name].private === true);
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: uid });
  const unreadable = personal.filter((name) => checker.cannot.read(null, name));
  if (!unreadable.length) return;
  const named = new Set([...filteredFields(params.filters), ...sortedFields(params.sort)]);
  const hit = unreadable.filter((name) => named.has(name));
  if (params._q !== undefined && params._q !== '') hit.push('_q');
  if (hit.length) {
    throw new errors.ValidationError(
      `不能按无权查看的字段筛选、排序或搜索：${hit.join('、')} / you cannot filter, sort or search by fields you may not read: ${hit.join(', ')}`,
    );
  }
}

/** The admin user of the current request, with their ability; null outside admin requests (scripts, jobs, content API). */
export function adminRequest(strapi: Core.Strapi): { user: any; ability: any; ctx: any } | null {
  const ctx: any = strapi.requestContext?.get?.();
  if (!ctx?.state?.user || ctx.state.auth?.strategy?.name !== 'admin') return null;
  return { user: ctx.state.user, ability: ctx.state.userAbility, ctx };
}

function forbidden(uid: string, action: string) {
  const label = ACTIONS.find((a) => a.uid === uid)?.displayName ?? uid;
  return refused(`无权执行此操作，需要权限“${label}”。`, `You need the permission ${actionId(uid as any)} (${action}).`);
}

/**
 * Every Document Service call on a private type made for an admin request needs the plugin's action, on
 * top of whatever content-manager right let the request in: a role that inherited content-manager rights
 * (Strapi's default Editor and Author) reaches nothing. Applications and review cases are also limited to the
 * caller's organizations on reads (writes: applications/writes.ts). Super admins hold every action.
 */
export function registerAccessGuard(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as any;
    const rule = PRIVATE_TYPES[uid];
    if (!rule) return next();
    const request = adminRequest(strapi);
    if (!request) return next();
    const read = READS.has(action);
    const needed = read ? rule.read : rule.write;
    if (!needed) throw refused('此记录只能由系统写入，不能在管理后台修改。', 'This record is written by the system only.');
    const record = async (result: any) => {
      if (read && SCOPED.has(uid) && action !== 'count') {
        const rows = Array.isArray(result) ? result : result ? [result] : [];
        await recordAccess(strapi, uid, rows.map((r: any) => r?.documentId).filter(Boolean));
      }
      return result;
    };
    if (isSuperAdmin(request.user)) return record(await next());
    if (!request.ability?.can?.(actionId(needed))) throw forbidden(needed, action);
    if (!read || !SCOPED.has(uid)) return next();

    checkPersonalQuery(strapi, uid, request.ability, (context as any).params ?? {});
    const orgs = await organizationsOfUser(strapi, request.user.id);
    if (action === 'findOne') {
      const result: any = await next();
      if (!result) return result;
      const row: any = await strapi.db.query(uid).findOne({ where: { documentId: result.documentId }, populate: { organization: { select: ['documentId'] } } });
      if (!orgs.includes(row?.organization?.documentId)) throw forbidden(needed, 'other organization');
      return record(result);
    }
    const params: any = (context as any).params ?? {};
    const scope = { organization: { documentId: { $in: orgs.length ? orgs : [NO_ORGANIZATION] } } };
    params.filters = params.filters ? { $and: [params.filters, scope] } : scope;
    (context as any).params = params;
    return record(await next());
  });
}
