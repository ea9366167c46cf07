import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadStudioMember, type Actor } from "../../policy";
import { withoutEmpty } from "../record-changes";
import type { CreateStudentInput } from "./schemas";
import { assertReferences } from "./student-access";
import { linkWrites } from "./student-links";
import { newStudentRecord } from "./student-record";
import { toStudent } from "./student-view";

/**
 * Enrols a student (owner, admin). The primary teacher and family must be listed records of this
 * studio; the family's `studentIds` gains the student in the same transaction as the student and
 * its audit event. `enrollmentDate` defaults to today in the studio's time zone.
 */
export async function createStudent(actor: Actor, studioId: string, input: CreateStudentInput) {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "student.manage");
  const fields = withoutEmpty(input);
  await assertReferences(studioId, { teacherId: fields.primaryTeacherId, familyId: fields.familyId });

  const record = newStudentRecord(studioId, input, studio.timeZone, actor.userId, new Date().toISOString());

  await commitWrites(db, (tx) => [
    tx.student.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "student.created", entityType: "student", entityId: record.studentId, after: record }),
    ...linkWrites(tx, studioId, record.studentId, { teacherId: fields.primaryTeacherId, joinFamilyId: fields.familyId }),
  ]);
  return toStudent(record, { staffOnly: true });
}
