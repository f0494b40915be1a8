import type { Core } from '@strapi/strapi';
import { ACTIONS, actionId, PRIVATE_TYPES } from './actions';

/** Strapi's default roles: created at first start with rights on every content type then present. */
export const DEFAULT_ROLE_CODES = ['strapi-editor', 'strapi-author'];

/**
 * Takes from Strapi's default Editor and Author roles every right on the private types and every action of
 * this module (the report actions are not about personal data and stay as an administrator set them).
 * Run at each start and right after Strapi creates the default roles on a fresh database.
 * Returns the number of permissions removed.
 */
export async function revokeDefaultGrants(strapi: Core.Strapi): Promise<number> {
  const roles: any[] = await strapi.db.query('admin::role').findMany({ where: { code: { $in: DEFAULT_ROLE_CODES } }, select: ['id'] });
  if (!roles.length) return 0;
  const rows: any[] = await strapi.db.query('admin::permission').findMany({
    where: {
      role: { id: { $in: roles.map((r) => r.id) } },
      $or: [{ subject: { $in: Object.keys(PRIVATE_TYPES) } }, { action: { $in: ACTIONS.map((a) => actionId(a.uid)) } }],
    },
    select: ['id'],
  });
  if (!rows.length) return 0;
  await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: rows.map((r) => r.id) } } });
  return rows.length;
}

/**
 * The default roles do not exist yet when plugins bootstrap on a fresh database: the admin creates them
 * afterwards (its bootstrap runs after the plugins'). Wrapping its one creation function is the only point
 * where we can act right after, before any request is served.
 */
export function revokeAfterDefaultRolesCreated(strapi: Core.Strapi) {
  const roles: any = strapi.service('admin::role');
  if (!roles) return;
  // The admin's role service is one module object shared by every Strapi instance of the process (tests
  // boot several): the wrapper acts on the instance that registered last, the one now starting.
  roles.__disclosureStrapi = strapi;
  if (roles.__disclosureWrapped) return;
  const original = roles.createRolesIfNoneExist.bind(roles);
  roles.createRolesIfNoneExist = async (...args: unknown[]) => {
    const result = await original(...args);
    await revokeDefaultGrants(roles.__disclosureStrapi);
    return result;
  };
  roles.__disclosureWrapped = true;
}
