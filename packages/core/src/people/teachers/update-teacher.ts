import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { AppError, conflict } from "../../kernel/errors";
import { may, assertMay, isStudioAdmin, type Actor } from "../../policy";
import { searchKeys } from "../person-fields";
import { applyChanges, splitChanges } from "../record-changes";
import { TEACHER_SELF_EDITABLE_FIELDS, type UpdateTeacherInput } from "./schemas";
import { loadTeacher } from "./teacher-access";
import { assertUsablePhoto } from "./teacher-photo";
import { toTeacher, type TeacherRecord } from "./teacher-view";

/**
 * Changes a teacher's profile. Admins change everything; a teacher their own bio, specialties,
 * phone, availability and public profile (names, email, pay and status are the admins'). The
 * write is conditional on the version read, so a concurrent change is a 409, not lost.
 */
export async function updateTeacher(actor: Actor, studioId: string, teacherId: string, input: UpdateTeacherInput) {
  const { member, teacher: current } = await loadTeacher(actor, studioId, teacherId);
  assertMay(member, "teacher.edit", { teacherId });
  if (!isStudioAdmin(member)) {
    const refused = Object.keys(input).filter((field) => !TEACHER_SELF_EDITABLE_FIELDS.has(field));
    if (refused.length > 0) {
      throw new AppError("teacher.fields_not_allowed", "Teachers may change only their bio, specialties, phone, availability and public profile", {
        errors: refused.map((path) => ({ path, message: "only an admin may change this" })),
      });
    }
  }

  if (input.photoKey) await assertUsablePhoto(studioId, teacherId, input.photoKey);
  const { set, remove } = splitChanges(input);
  const now = new Date().toISOString();
  const merged = applyChanges(current, set, remove, now);
  const keys = { ...searchKeys(`${merged.firstName} ${merged.lastName}`, merged.email), listing: current.listing };
  const after = { ...merged, ...keys, updatedBy: actor.userId } as TeacherRecord;

  await commitWrites(db, (tx) => [
    failsWith(
      tx.teacher
        .patch({ studioId, teacherId })
        .set({ ...(set as Partial<TeacherRecord>), ...keys, updatedBy: actor.userId })
        .remove(remove as never)
        .where((a, op) => `${op.eq(a.updatedAt, current.updatedAt)} AND ${op.eq(a.listing, "listed")}`)
        .commit(),
      () => conflict("teacher.changed", "The teacher changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "teacher.updated", entityType: "teacher", entityId: teacherId, before: current, after }),
  ]);
  return toTeacher(after, { showPay: may(member, "teacher.edit", { teacherId }) });
}
