import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadStudioMember, type Actor } from "../../policy";
import { newListedFields } from "../person-fields";
import { withoutEmpty } from "../record-changes";
import type { CreateTeacherInput } from "./schemas";
import { toTeacher, type TeacherRecord } from "./teacher-view";

/** Adds a teacher to the studio (owner, admin), with its audit event in the same transaction. */
export async function createTeacher(actor: Actor, studioId: string, input: CreateTeacherInput) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "teacher.manage");
  const now = new Date().toISOString();
  const fields = withoutEmpty(input);
  const record = {
    isAcceptingStudents: true,
    bookingBufferMinutes: 0,
    isActive: true,
    isPublic: false,
    ...fields,
    firstName: input.firstName,
    lastName: input.lastName,
    studioId,
    teacherId: uuidv7(),
    ...newListedFields(actor.userId, `${input.firstName} ${input.lastName}`, fields.email, now),
  } satisfies TeacherRecord;

  await commitWrites(db, (tx) => [
    tx.teacher.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "teacher.created", entityType: "teacher", entityId: record.teacherId, after: record }),
  ]);
  return toTeacher(record, { showPay: true });
}
