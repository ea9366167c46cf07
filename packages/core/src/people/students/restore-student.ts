import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { loadStudent, studentIndexKeys } from "./student-access";
import { toStudent, type StudentRecord } from "./student-view";

/** Brings a soft-deleted student back into the lists (owner, admin). Not deleted → 409. */
export async function restoreStudent(actor: Actor, studioId: string, studentId: string) {
  const { member, student: current } = await loadStudent(actor, studioId, studentId, { includeDeleted: true });
  assertMay(member, "student.manage");
  if (!current.deletedAt) throw conflict("student.not_deleted", "This student is not deleted");
  const now = new Date().toISOString();
  const changes = { ...studentIndexKeys(current), listing: "listed" as const, updatedBy: actor.userId };
  const { deletedAt: _deletedAt, ...rest } = current;
  const after = { ...rest, ...changes, updatedAt: now } as StudentRecord;
  await commitWrites(db, (tx) => [
    failsWith(
      tx.student
        .patch({ studioId, studentId })
        .set(changes)
        .remove(["deletedAt"])
        .where((a, op) => op.eq(a.listing, "deleted"))
        .commit(),
      () => conflict("student.changed", "The student changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "student.restored", entityType: "student", entityId: studentId, before: current, after }),
  ]);
  return toStudent(after, { staffOnly: true });
}
