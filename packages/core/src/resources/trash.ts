import { recordAudit } from "../audit";
import { moveObjects } from "../files";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { audienceLabels } from "./audiences";
import { liveKeyOf, trashKeyOf } from "./object-keys";
import { syncRecipients, utcDay } from "./recipients";
import { loadResource, type LoadedResource } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Resource } from "./resource-schema";
import { TRASH_DAYS, TRASH_SHELF, toResource } from "./resource-view";
import { resourceChanged } from "./storage";

const PLACE_FIELDS = ["trashedAt", "trashedFrom", "purgeDay"] as const;

/**
 * Moves a resource's files to their keys under `keyOf` (every version) and writes it in its new
 * place (`changes`: shelf and trash fields; `remove`: trash fields cleared) in one transaction with
 * its versions' keys; a refused write moves the files back. Its households' materials follow.
 */
async function relocate(
  actor: Actor,
  loaded: LoadedResource,
  keyOf: (key: string) => string,
  changes: Partial<ResourceRecord>,
  remove: readonly (typeof PLACE_FIELDS)[number][],
  action: "resource.trashed" | "resource.restored",
): Promise<Resource> {
  const { member, record, actorName } = loaded;
  const { studioId, resourceId } = record;
  const { data: versions } = await resourcesDb().entities.resourceVersion.query.version({ studioId, resourceId }).go({ pages: "all" });
  const next = { ...record, ...changes, objectKey: keyOf(record.objectKey), updatedAt: new Date().toISOString() } as ResourceRecord;
  for (const field of remove) delete next[field];
  const moves = versions.map((v) => ({ from: v.objectKey, to: keyOf(v.objectKey) }));
  await moveObjects(moves);
  try {
    await commitWrites(resourcesDb, (tx) => [
      failsWith(
        tx.resource
          .patch({ studioId, resourceId })
          .set({ ...changes, objectKey: next.objectKey, updatedBy: actor.userId })
          .remove([...remove])
          .where((a, op) => op.eq(a.updatedAt, record.updatedAt))
          .commit(),
        resourceChanged,
      ),
      ...versions.map((v) =>
        tx.resourceVersion
          .patch({ studioId, resourceId, version: v.version })
          .set({ objectKey: keyOf(v.objectKey) })
          .commit(),
      ),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action,
        entityType: "resource",
        entityId: resourceId,
        before: { shelf: record.shelf },
        after: { shelf: next.shelf },
      }),
    ]);
  } catch (error) {
    await moveObjects(moves.map(({ from, to }) => ({ from: to, to: from })));
    throw error;
  }
  await syncRecipients(member, next, { notify: false, sharedByName: actorName });
  return toResource(next, await audienceLabels(member, studioId, next.sharedWith ?? []));
}

/**
 * Moves a resource to the trash (admins and its uploader): its files move under the trash prefix,
 * it leaves the library (or the person's documents) and every household's materials, and it is
 * purged for good after TRASH_DAYS (purge.ts; an S3 lifecycle rule on the prefix too). Its shares
 * are kept for a restore. Its bytes still count until the purge.
 */
export async function trashResource(actor: Actor, studioId: string, resourceId: string): Promise<Resource> {
  const loaded = await loadResource(actor, studioId, resourceId, "resource.edit");
  const { record } = loaded;
  if (record.shelf === TRASH_SHELF) throw conflict("resource.in_trash", "This file is already in the trash");
  const now = new Date();
  const purgeDay = utcDay(new Date(now.getTime() + TRASH_DAYS * 86_400_000));
  const changes = { shelf: TRASH_SHELF, trashedFrom: record.shelf, trashedAt: now.toISOString(), purgeDay };
  return relocate(actor, loaded, trashKeyOf, changes, [], "resource.trashed");
}

/** Takes a resource out of the trash to where it was (admins and its uploader), files and shares as before; households get it back in their materials without a new email. */
export async function restoreResource(actor: Actor, studioId: string, resourceId: string): Promise<Resource> {
  const loaded = await loadResource(actor, studioId, resourceId, "resource.edit");
  const { record } = loaded;
  if (record.shelf !== TRASH_SHELF) throw conflict("resource.not_in_trash", "This file is not in the trash");
  return relocate(actor, loaded, liveKeyOf, { shelf: record.trashedFrom ?? "library" }, PLACE_FIELDS, "resource.restored");
}
