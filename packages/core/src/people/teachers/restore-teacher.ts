import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { loadTeacher, teacherIndexKeys } from "./teacher-access";
import { toTeacher, type TeacherRecord } from "./teacher-view";

/** Brings a soft-deleted teacher back into the lists (owner, admin). Not deleted → 409. */
export async function restoreTeacher(actor: Actor, studioId: string, teacherId: string) {
  const { member, teacher: current } = await loadTeacher(actor, studioId, teacherId, { includeDeleted: true });
  assertMay(member, "teacher.manage");
  if (!current.deletedAt) throw conflict("teacher.not_deleted", "This teacher is not deleted");
  const now = new Date().toISOString();
  const changes = { ...teacherIndexKeys(current), listing: "listed" as const, updatedBy: actor.userId };
  const { deletedAt: _deletedAt, ...rest } = current;
  const after = { ...rest, ...changes, updatedAt: now } as TeacherRecord;
  await commitWrites(db, (tx) => [
    failsWith(
      tx.teacher
        .patch({ studioId, teacherId })
        .set(changes)
        .remove(["deletedAt"])
        .where((a, op) => op.eq(a.listing, "deleted"))
        .commit(),
      () => conflict("teacher.changed", "The teacher changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "teacher.restored", entityType: "teacher", entityId: teacherId, before: current, after }),
  ]);
  return toTeacher(after, { showPay: true });
}
