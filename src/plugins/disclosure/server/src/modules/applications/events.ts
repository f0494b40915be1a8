import type { Core } from '@strapi/strapi';
import { AsyncLocalStorage } from 'async_hooks';
import { EVENT_UID } from './content-types';

export type EventAction = 'created' | 'imported' | 'transition';

export interface Actor {
  id: number | null;
  name: string | null;
}

/** Set by the importer so that the events it causes say "imported" and who started the import. */
export const importContext = new AsyncLocalStorage<{ jobId: string; actor: Actor }>();

/** The admin user behind the current request, when there is one (scripts and bootstrap have none). */
export function currentActor(strapi: Core.Strapi): Actor {
  const fromImport = importContext.getStore();
  if (fromImport) return fromImport.actor;
  const ctx: any = strapi.requestContext?.get?.();
  const user = ctx?.state?.user;
  if (!user || ctx?.state?.auth?.strategy?.name !== 'admin') return { id: null, name: null };
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || null;
  return { id: typeof user.id === 'number' ? user.id : Number(user.id) || null, name };
}

export async function recordEvent(
  strapi: Core.Strapi,
  event: { applicationDocumentId: string; action: EventAction; fromStatus?: string | null; toStatus?: string | null; note?: string | null },
  actor: Actor = currentActor(strapi),
) {
  // A plain row (no draft/publish, no locale, hidden from the content manager): the query engine is enough.
  await strapi.db.query(EVENT_UID as any).create({
    data: {
      applicationDocumentId: event.applicationDocumentId,
      action: event.action,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      note: event.note ?? null,
      actorId: actor.id,
      actorName: actor.name,
      occurredAt: new Date(),
    },
  });
}

export async function eventsOf(strapi: Core.Strapi, applicationDocumentId: string) {
  const rows: any[] = await strapi.db.query(EVENT_UID as any).findMany({
    where: { applicationDocumentId },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    note: r.note,
    actorId: r.actorId,
    actorName: r.actorName,
    occurredAt: r.occurredAt instanceof Date ? r.occurredAt.toISOString() : r.occurredAt,
  }));
}
