import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { audienceLabels } from "./audiences";
import { fileIdOf } from "./object-keys";
import { syncRecipients } from "./recipients";
import { loadResource } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Resource } from "./resource-schema";
import { TRASH_SHELF, toResource } from "./resource-view";
import type { AddVersionInput } from "./schemas";
import { alreadyConfirmed, dropRefusedUpload, resourceChanged, storageAdd, storageFull } from "./storage";
import { verifyUpload } from "./verify-upload";

/** How many versions a resource keeps. */
export const MAX_VERSIONS = 50;

/**
 * Replaces a resource's file with a confirmed upload (admins and its uploader), keeping the older
 * versions: the next version, the resource now pointing at it, the claim on the file and the
 * studio's bytes in one transaction. Its households' materials show the new file.
 */
export async function addResourceVersion(actor: Actor, studioId: string, resourceId: string, input: AddVersionInput): Promise<Resource> {
  const { member, studio, record, actorName } = await loadResource(actor, studioId, resourceId, "resource.edit");
  if (record.shelf === TRASH_SHELF) throw conflict("resource.in_trash", "This file is in the trash; restore it first");
  if (record.version >= MAX_VERSIONS) throw conflict("resource.changed", `A file keeps at most ${MAX_VERSIONS} versions; upload it as a new file`, "key");
  const file = await verifyUpload(studioId, input.key, input.contentType);
  const version = record.version + 1;
  const next: ResourceRecord = {
    ...record,
    version,
    kind: file.kind,
    objectKey: file.key,
    fileName: input.fileName,
    contentType: input.contentType,
    size: file.size,
    totalBytes: record.totalBytes + file.size,
    updatedAt: new Date().toISOString(),
  };
  try {
    await commitWrites(resourcesDb, (tx) => [
      failsWith(
        tx.resource
          .patch({ studioId, resourceId })
          .set({
            version,
            kind: file.kind,
            objectKey: file.key,
            fileName: input.fileName,
            contentType: input.contentType,
            size: file.size,
            updatedBy: actor.userId,
          })
          .add({ totalBytes: file.size })
          .where((a, op) => op.eq(a.version, record.version))
          .commit(),
        resourceChanged,
      ),
      failsWith(tx.resourceFile.create({ studioId, fileId: fileIdOf(file.key), resourceId, version }).commit(), alreadyConfirmed),
      tx.resourceVersion
        .create({
          studioId,
          resourceId,
          version,
          objectKey: file.key,
          fileName: input.fileName,
          contentType: input.contentType,
          size: file.size,
          uploadedBy: actor.userId,
          uploadedByName: actorName,
        })
        .commit(),
      failsWith(storageAdd(tx, studio, file.size), () => storageFull(studio, file.size)),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "resource.version_added",
        entityType: "resource",
        entityId: resourceId,
        after: { version, fileName: input.fileName, size: file.size },
      }),
    ]);
  } catch (error) {
    await dropRefusedUpload(error, file.key);
    throw error;
  }
  await syncRecipients(member, next, { notify: false, sharedByName: actorName });
  return toResource(next, await audienceLabels(member, studioId, next.sharedWith ?? []));
}
