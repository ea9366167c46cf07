import { randomUUID } from "node:crypto";
import { db } from "@studiosync/core/db";
import { searchKeys } from "@studiosync/core/people";
import { api, type ownerWithStudio } from "./api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/**
 * Test-only: a student written straight through ElectroDB (so families and bands can be tested
 * without the students API), and the family's `studentIds` kept in step as the students use cases do.
 */
export async function putStudent(
  owner: Owner,
  fields: { firstName: string; lastName: string; familyId?: string; primaryTeacherId?: string; instrument?: string },
) {
  const studentId = randomUUID();
  await db()
    .entities.student.create({
      studioId: owner.studio.id,
      studentId,
      ...fields,
      ...searchKeys(`${fields.firstName} ${fields.lastName}`),
      createdBy: owner.userId,
      updatedBy: owner.userId,
    })
    .go();
  if (fields.familyId) {
    await db()
      .entities.family.patch({ studioId: owner.studio.id, familyId: fields.familyId })
      .add({ studentIds: [studentId] })
      .go();
  }
  return studentId;
}

/** Test-only soft delete of a student (the students API does this for real). */
export async function softDeleteStudent(owner: Owner, studentId: string) {
  const { data } = await db().entities.student.get({ studioId: owner.studio.id, studentId }).go();
  await db()
    .entities.student.patch({ studioId: owner.studio.id, studentId })
    .set({
      deletedAt: new Date().toISOString(),
      listing: "deleted",
      nameKey: data!.nameKey,
      emailKey: data!.emailKey,
      primaryTeacherId: data!.primaryTeacherId,
    })
    .go();
}

/** A family created through the API, with one guardian. */
export async function familyWithGuardian(owner: Owner, name = "Rivera Family") {
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name } });
  if (family.status !== 201) throw new Error(`family failed: ${JSON.stringify(family.body)}`);
  const guardian = await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Maria", lastName: name.split(" ")[0], relationship: "mother", email: "maria@example.test" },
  });
  if (guardian.status !== 201) throw new Error(`guardian failed: ${JSON.stringify(guardian.body)}`);
  return { familyId: family.body.id as string, guardianId: guardian.body.id as string };
}

/** The audit events written for one record, oldest first. */
export async function auditOf(owner: Owner, entityType: string, entityId: string) {
  const { data } = await db().entities.auditEvent.query.auditByEntity({ studioId: owner.studio.id, entityType, entityId }).go();
  return data;
}
