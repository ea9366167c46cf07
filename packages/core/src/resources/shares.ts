import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import { assertMay, hiddenRecord, type Actor } from "../policy";
import { audienceKeyOf, audienceLabels, reachOf } from "./audiences";
import { syncRecipients } from "./recipients";
import { loadResource } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Resource } from "./resource-schema";
import { TRASH_SHELF, toResource } from "./resource-view";
import type { ShareResourceInput } from "./schemas";
import { resourceChanged } from "./storage";

/** How many audiences one resource may have. */
const MAX_SHARES = 100;

const inTrash = () => conflict("resource.in_trash", "This file is in the trash; restore it first");

/**
 * Shares a resource with an audience (admins and its uploader; a teacher with their own students,
 * their families, bands and lessons): the share item and the resource's list in one transaction,
 * then the households it reaches get it in their materials (recipients.ts) and, unless `notify` is
 * false, in the day's "New material" email. Sharing again with the same audience changes nothing.
 */
export async function shareResource(actor: Actor, studioId: string, resourceId: string, input: ShareResourceInput): Promise<Resource> {
  const { member, record, actorName } = await loadResource(actor, studioId, resourceId, "resource.edit");
  if (record.shelf === TRASH_SHELF) throw inTrash();
  const reach = await reachOf(member, studioId, input.audience);
  assertMay(member, "resource.share", { audienceKind: input.audience.kind, keptByMember: reach.keptByMember });
  const key = audienceKeyOf(input.audience);
  const sharedWith = record.sharedWith ?? [];
  let next: ResourceRecord = record;
  if (!sharedWith.includes(key)) {
    if (sharedWith.length >= MAX_SHARES) throw conflict("resource.changed", `A file may be shared with at most ${MAX_SHARES} audiences`, "audience");
    const now = new Date().toISOString();
    next = { ...record, sharedWith: [...sharedWith, key], updatedAt: now };
    await commitWrites(resourcesDb, (tx) => [
      failsWith(
        tx.resource
          .patch({ studioId, resourceId })
          .set({ sharedWith: next.sharedWith, updatedBy: actor.userId })
          .where((a, op) => op.eq(a.updatedAt, record.updatedAt))
          .commit(),
        resourceChanged,
      ),
      tx.resourceShare.put({ studioId, resourceId, audienceKey: key, audienceKind: input.audience.kind, sharedAt: now, sharedBy: actor.userId }).commit(),
      recordAudit(tx, { studioId, actorId: actor.userId, action: "resource.shared", entityType: "resource", entityId: resourceId, after: { audience: key } }),
    ]);
  }
  await syncRecipients(member, next, { notify: input.notify ?? true, sharedByName: actorName });
  return toResource(next, await audienceLabels(member, studioId, next.sharedWith ?? []));
}

/** Stops sharing a resource with an audience (admins and its uploader); the households it no longer reaches lose it from their materials. */
export async function unshareResource(actor: Actor, studioId: string, resourceId: string, audienceKey: string): Promise<Resource> {
  const { member, record, actorName } = await loadResource(actor, studioId, resourceId, "resource.edit");
  const sharedWith = record.sharedWith ?? [];
  if (!sharedWith.includes(audienceKey)) throw hiddenRecord("Share");
  const next: ResourceRecord = { ...record, sharedWith: sharedWith.filter((key) => key !== audienceKey), updatedAt: new Date().toISOString() };
  await commitWrites(resourcesDb, (tx) => [
    failsWith(
      tx.resource
        .patch({ studioId, resourceId })
        .set({ sharedWith: next.sharedWith, updatedBy: actor.userId })
        .where((a, op) => op.eq(a.updatedAt, record.updatedAt))
        .commit(),
      resourceChanged,
    ),
    tx.resourceShare.delete({ studioId, resourceId, audienceKey }).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "resource.unshared",
      entityType: "resource",
      entityId: resourceId,
      before: { audience: audienceKey },
    }),
  ]);
  await syncRecipients(member, next, { notify: false, sharedByName: actorName });
  return toResource(next, await audienceLabels(member, studioId, next.sharedWith ?? []));
}
