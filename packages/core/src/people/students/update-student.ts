import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { AppError, conflict } from "../../kernel/errors";
import { may, assertMay, isStudioAdmin, type Actor } from "../../policy";
import { searchKeys } from "../person-fields";
import { applyChanges, splitChanges } from "../record-changes";
import { ADMIN_ONLY_STUDENT_FIELDS, type UpdateStudentInput } from "./schemas";
import { assertReferences, loadStudent } from "./student-access";
import { linkWrites } from "./student-links";
import { studentFacts, toStudent, type StudentRecord } from "./student-view";

/**
 * Changes a student. Admins change everything; a teacher their own students, except moving them
 * to another teacher or family. A new teacher or family must be listed in this studio (422); the
 * old and new families' `studentIds` follow in the same transaction. The write is conditional on
 * the version read, so a concurrent change is a 409, not lost.
 */
export async function updateStudent(actor: Actor, studioId: string, studentId: string, input: UpdateStudentInput) {
  const { member, student: current } = await loadStudent(actor, studioId, studentId);
  const facts = studentFacts(current);
  assertMay(member, "student.edit", facts);

  const currentTeacherId = facts.primaryTeacherId ?? null;
  const currentFamilyId = current.familyId ?? null;
  const teacherChanges = input.primaryTeacherId !== undefined && input.primaryTeacherId !== currentTeacherId;
  const familyChanges = input.familyId !== undefined && input.familyId !== currentFamilyId;
  if (!isStudioAdmin(member)) {
    const refused = ADMIN_ONLY_STUDENT_FIELDS.filter((field) => (field === "primaryTeacherId" ? teacherChanges : familyChanges));
    if (refused.length > 0) {
      throw new AppError("student.move_admins_only", "Only an admin may move a student to another teacher or family", {
        errors: refused.map((path) => ({ path, message: "only an admin may change this" })),
      });
    }
  }
  const newTeacherId = teacherChanges ? (input.primaryTeacherId ?? undefined) : undefined;
  const newFamilyId = familyChanges ? (input.familyId ?? undefined) : undefined;
  await assertReferences(studioId, { teacherId: newTeacherId, familyId: newFamilyId });

  const { primaryTeacherId, ...rest } = input;
  const { set, remove } = splitChanges(rest);
  const now = new Date().toISOString();
  const merged = applyChanges(current, set, remove, now);
  const keys = {
    ...searchKeys(`${merged.firstName} ${merged.lastName}`, merged.email),
    listing: current.listing,
    primaryTeacherId: primaryTeacherId === undefined ? current.primaryTeacherId : (primaryTeacherId ?? "none"),
  };
  const after = { ...merged, ...keys, updatedBy: actor.userId } as StudentRecord;

  await commitWrites(db, (tx) => [
    failsWith(
      tx.student
        .patch({ studioId, studentId })
        .set({ ...(set as Partial<StudentRecord>), ...keys, updatedBy: actor.userId })
        .remove(remove as never)
        .where((a, op) => `${op.eq(a.updatedAt, current.updatedAt)} AND ${op.eq(a.listing, "listed")}`)
        .commit(),
      () => conflict("student.changed", "The student changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "student.updated", entityType: "student", entityId: studentId, before: current, after }),
    ...linkWrites(tx, studioId, studentId, {
      teacherId: newTeacherId,
      joinFamilyId: newFamilyId,
      leaveFamilyId: familyChanges ? (currentFamilyId ?? undefined) : undefined,
    }),
  ]);
  return toStudent(after, { staffOnly: may(member, "student.edit", studentFacts(after)) });
}
