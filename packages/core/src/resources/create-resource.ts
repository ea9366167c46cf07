import { recordAudit } from "../audit";
import { itemOf, type ItemRead } from "../kernel/db/read-together";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../policy";
import { fileIdOf } from "./object-keys";
import { keepsPerson } from "./resource-access";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import type { Resource } from "./resource-schema";
import { LIBRARY_SHELF, personShelf, toResource } from "./resource-view";
import type { CreateResourceInput } from "./schemas";
import { alreadyConfirmed, dropRefusedUpload, storageAdd, storageFull } from "./storage";
import { verifyUpload } from "./verify-upload";

/** The record a document is about (student, family or teacher). */
function personRead(studioId: string, person: NonNullable<CreateResourceInput["person"]>): ItemRead<{ deletedAt?: string } & object> {
  const { student, family, teacher } = resourcesDb().entities;
  if (person.kind === "student") return itemOf(student, { studioId, studentId: person.id });
  if (person.kind === "family") return itemOf(family, { studioId, familyId: person.id });
  return itemOf(teacher, { studioId, teacherId: person.id });
}

const optionalText = (value: string | null | undefined) => (value ? value : undefined);

/** The descriptive fields of a resource as stored (empty ones left out). */
export function metadataOf(input: Partial<CreateResourceInput>) {
  return {
    description: optionalText(input.description),
    instrument: optionalText(input.instrument),
    level: optionalText(input.level),
    tags: input.tags && input.tags.length > 0 ? input.tags : undefined,
    folder: optionalText(input.folder),
    composer: optionalText(input.composer),
    piece: optionalText(input.piece),
  };
}

/**
 * Confirms an upload as a new resource (staff): in the library, or as a document on a person's
 * record (admins; a teacher on their own student's or their own). The stored object is checked
 * first (verify-upload.ts); then one transaction writes the resource, its first version, the claim
 * on the uploaded file and the studio's stored bytes — refused whole, and the object deleted, when
 * the studio's storage has no room left.
 */
export async function createResource(actor: Actor, studioId: string, input: CreateResourceInput): Promise<Resource> {
  const { user } = resourcesDb().entities;
  const person = input.person;
  const { member, studio, records } = await loadMemberWith(
    actor,
    studioId,
    itemOf(user, { userId: actor.userId }),
    ...(person ? [personRead(studioId, person)] : []),
  );
  assertMay(member, "resource.upload");
  const [userRecord, personRecord] = records;
  if (person) {
    if (!personRecord || (personRecord as { deletedAt?: string }).deletedAt)
      throw hiddenRecord(person.kind === "family" ? "Family" : person.kind === "teacher" ? "Teacher" : "Student");
    const kept = await keepsPerson(member, studioId, person, person.kind === "student" ? (personRecord as never) : undefined);
    assertMay(member, "resource.view", { createdBy: actor.userId, person: { ...person, keptByMember: kept } });
  }

  const file = await verifyUpload(studioId, input.key, input.contentType);
  const now = new Date().toISOString();
  const actorName = userRecord?.name ?? "Your teacher";
  const record = {
    studioId,
    resourceId: fileIdOf(file.key),
    shelf: person ? personShelf(person.kind, person.id) : LIBRARY_SHELF,
    title: input.title,
    ...metadataOf(input),
    kind: file.kind,
    version: 1,
    objectKey: file.key,
    fileName: input.fileName,
    contentType: input.contentType,
    size: file.size,
    totalBytes: file.size,
    ...(person ? { personKind: person.kind, personId: person.id, documentType: input.documentType ?? "other" } : {}),
    createdBy: actor.userId,
    createdByName: actorName,
    createdAt: now,
    updatedAt: now,
  } satisfies ResourceRecord;

  try {
    await commitWrites(resourcesDb, (tx) => [
      failsWith(tx.resource.create(record).commit(), alreadyConfirmed),
      failsWith(tx.resourceFile.create({ studioId, fileId: record.resourceId, resourceId: record.resourceId, version: 1 }).commit(), alreadyConfirmed),
      tx.resourceVersion
        .create({
          studioId,
          resourceId: record.resourceId,
          version: 1,
          objectKey: file.key,
          fileName: input.fileName,
          contentType: input.contentType,
          size: file.size,
          uploadedBy: actor.userId,
          uploadedByName: actorName,
        })
        .commit(),
      failsWith(storageAdd(tx, studio, file.size), () => storageFull(studio, file.size)),
      recordAudit(tx, { studioId, actorId: actor.userId, action: "resource.created", entityType: "resource", entityId: record.resourceId, after: record }),
    ]);
  } catch (error) {
    await dropRefusedUpload(error, file.key);
    throw error;
  }
  return toResource(record);
}
