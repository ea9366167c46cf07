import { recordAudit } from "../audit";
import { moveObjects } from "../files";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { audienceLabels } from "./audiences";
import { liveKeyOf, trashKeyOf } from "./object-keys";
import { syncRecipients, utcDay } from "./recipients";
import { loadResource } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Resource } from "./resource-schema";
import { TRASH_DAYS, TRASH_SHELF, toResource } from "./resource-view";
import { resourceChanged } from "./storage";

async function versionsOf(studioId: string, resourceId: string) {
  const { data } = await resourcesDb().entities.resourceVersion.query.version({ studioId, resourceId }).go({ pages: "all" });
  return data;
}

/**
 * Moves a resource to the trash (admins and its uploader): its files move under the trash prefix,
 * it leaves the library (or the person's documents) and every household's materials, and it is
 * purged for good after TRASH_DAYS (purge-trash.ts; an S3 lifecycle rule on the prefix too). Its
 * shares are kept for a restore. Its bytes still count until the purge.
 */
export async function trashResource(actor: Actor, studioId: string, resourceId: string): Promise<Resource> {
  const { member, record, actorName } = await loadResource(actor, studioId, resourceId, "resource.edit");
  if (record.shelf === TRASH_SHELF) throw conflict("resource.in_trash", "This file is already in the trash");
  const versions = await versionsOf(studioId, resourceId);
  const now = new Date();
  const purgeDay = utcDay(new Date(now.getTime() + TRASH_DAYS * 86_400_000));
  const next: ResourceRecord = {
    ...record,
    shelf: TRASH_SHELF,
    trashedFrom: record.shelf,
    trashedAt: now.toISOString(),
    purgeDay,
    objectKey: trashKeyOf(record.objectKey),
    updatedAt: now.toISOString(),
  };
  await moveObjects(versions.map((v) => ({ from: v.objectKey, to: trashKeyOf(v.objectKey) })));
  try {
    await commitWrites(resourcesDb, (tx) => [
      failsWith(
        tx.resource
          .patch({ studioId, resourceId })
          .set({ shelf: TRASH_SHELF, trashedFrom: record.shelf, trashedAt: next.trashedAt!, purgeDay, objectKey: next.objectKey, updatedBy: actor.userId })
          .where((a, op) => op.eq(a.updatedAt, record.updatedAt))
          .commit(),
        resourceChanged,
      ),
      ...versions.map((v) =>
        tx.resourceVersion
          .patch({ studioId, resourceId, version: v.version })
          .set({ objectKey: trashKeyOf(v.objectKey) })
          .commit(),
      ),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "resource.trashed",
        entityType: "resource",
        entityId: resourceId,
        before: { shelf: record.shelf },
      }),
    ]);
  } catch (error) {
    await moveObjects(versions.map((v) => ({ from: trashKeyOf(v.objectKey), to: v.objectKey })));
    throw error;
  }
  await syncRecipients(member, next, { notify: false, sharedByName: actorName });
  return toResource(next, await audienceLabels(member, studioId, next.sharedWith ?? []));
}

/** Takes a resource out of the trash to where it was (admins and its uploader), files and shares as before; households get it back in their materials without a new email. */
export async function restoreResource(actor: Actor, studioId: string, resourceId: string): Promise<Resource> {
  const { member, record, actorName } = await loadResource(actor, studioId, resourceId, "resource.edit");
  if (record.shelf !== TRASH_SHELF) throw conflict("resource.not_in_trash", "This file is not in the trash");
  const versions = await versionsOf(studioId, resourceId);
  const shelf = record.trashedFrom ?? "library";
  const next: ResourceRecord = { ...record, shelf, objectKey: liveKeyOf(record.objectKey), updatedAt: new Date().toISOString() };
  delete next.trashedAt;
  delete next.trashedFrom;
  delete next.purgeDay;
  await moveObjects(versions.map((v) => ({ from: v.objectKey, to: liveKeyOf(v.objectKey) })));
  try {
    await commitWrites(resourcesDb, (tx) => [
      failsWith(
        tx.resource
          .patch({ studioId, resourceId })
          .set({ shelf, objectKey: next.objectKey, updatedBy: actor.userId })
          .remove(["trashedAt", "trashedFrom", "purgeDay"])
          .where((a, op) => op.eq(a.updatedAt, record.updatedAt))
          .commit(),
        resourceChanged,
      ),
      ...versions.map((v) =>
        tx.resourceVersion
          .patch({ studioId, resourceId, version: v.version })
          .set({ objectKey: liveKeyOf(v.objectKey) })
          .commit(),
      ),
      recordAudit(tx, { studioId, actorId: actor.userId, action: "resource.restored", entityType: "resource", entityId: resourceId, after: { shelf } }),
    ]);
  } catch (error) {
    await moveObjects(versions.map((v) => ({ from: liveKeyOf(v.objectKey), to: v.objectKey })));
    throw error;
  }
  await syncRecipients(member, next, { notify: false, sharedByName: actorName });
  return toResource(next, await audienceLabels(member, studioId, next.sharedWith ?? []));
}
