import { db } from "../db";
import { page } from "../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import type { AuditEvent } from "./audit-event-schema";
import type { ListAuditEventsQuery } from "./schemas";

import type { AuditEventRecord } from "./audit-event.entity";
export type { AuditEvent };

/** An audit event as the API and privacy exports show it. */
export const toAuditEvent = (e: AuditEventRecord): AuditEvent => ({
  id: e.eventId,
  actorId: e.actorId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  changes: (e.changes ?? {}) as Record<string, { before: unknown; after: unknown }>,
  at: e.at,
});

/** Who changed what in the studio, newest first (admins); per record with entityType + entityId. */
export async function listAuditEvents(actor: Actor, studioId: string, query: ListAuditEventsQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "audit.view");
  const { auditEvent } = db().entities;
  const { entityType, entityId } = query;
  const result = await page(
    { studioId, list: "audit-events" },
    (options) =>
      entityType && entityId
        ? auditEvent.query.auditByEntity({ studioId, entityType, entityId }).go({ ...options, order: "desc" })
        : auditEvent.query.auditByStudio({ studioId }).go({ ...options, order: "desc" }),
    query,
  );
  return { items: result.items.map(toAuditEvent), nextCursor: result.nextCursor };
}
