import type { Core } from '@strapi/strapi';

/**
 * No Marketplace in the menu: the admin shows the link to anyone holding admin::marketplace.read, and
 * Strapi gives the super admin every action at each start. An office installs plugins through its
 * release process, not from the admin, so the action is taken from every role after that reset.
 */
export async function removeMarketplace(strapi: Core.Strapi): Promise<number> {
  const removed = await strapi.db.query('admin::permission').deleteMany({ where: { action: 'admin::marketplace.read' } });
  return removed?.count ?? 0;
}
