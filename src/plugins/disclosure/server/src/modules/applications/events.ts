import type { Core } from '@strapi/strapi';
import { EVENT_UID } from './content-types';

export type EventAction = 'created' | 'imported' | 'transition';

export interface Actor {
  id: number | null;
  name: string | null;
}

type Event = { applicationDocumentId: string; action: EventAction; fromStatus?: string | null; toStatus?: string | null; note?: string | null };

/** An admin user as named in events. */
export function actorOf(user: { id: unknown; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null }): Actor {
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || null;
  return { id: typeof user.id === 'number' ? user.id : Number(user.id) || null, name };
}

/** The admin user behind the current request, when there is one (scripts and bootstrap have none). */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx: any = strapi.requestContext?.get?.();
  const user = ctx?.state?.user;
  if (!user || ctx?.state?.auth?.strategy?.name !== 'admin') return { id: null, name: null };
  return actorOf(user);
}

/** The stored row of an event (also written in bulk by the importer). */
export function eventRow(event: Event, actor: Actor, occurredAt: Date) {
  return {
    applicationDocumentId: event.applicationDocumentId,
    action: event.action,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    note: event.note ?? null,
    actorId: actor.id,
    actorName: actor.name,
    occurredAt,
  };
}

export async function recordEvent(strapi: Core.Strapi, event: Event, actor: Actor = currentActor(strapi)) {
  // A plain row (no draft/publish, no locale, hidden from the content manager): the query engine is enough.
  await strapi.db.query(EVENT_UID as any).create({ data: eventRow(event, actor, new Date()) });
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
