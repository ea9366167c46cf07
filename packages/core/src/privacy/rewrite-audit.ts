import { db } from "../db";

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * Rewrites the `changes` of one record's audit events: `rewrite` answers the new changes, or null
 * to leave an event as it is. Events are written back 25 at a time; anything a failure left is
 * finished by erasing again (rewrites are idempotent). Returns how many events changed.
 */
export async function rewriteAuditEvents(
  studioId: string,
  entityType: string,
  entityId: string,
  rewrite: (changes: AuditChanges) => AuditChanges | null,
): Promise<number> {
  const { data: events } = await db().entities.auditEvent.query.auditByEntity({ studioId, entityType, entityId }).go({ pages: "all" });
  const rewritten = events.flatMap((event) => {
    const changes = rewrite((event.changes ?? {}) as AuditChanges);
    return changes ? [{ ...event, changes }] : [];
  });
  for (let i = 0; i < rewritten.length; i += 25) {
    const { unprocessed } = await db()
      .entities.auditEvent.put(rewritten.slice(i, i + 25))
      .go();
    if (unprocessed.length) throw new Error(`${unprocessed.length} audit events were not rewritten; erase again to finish`);
  }
  return rewritten.length;
}
