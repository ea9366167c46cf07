import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { loadStudent, studentIndexKeys } from "./student-access";
import type { StudentRecord } from "./student-view";

/**
 * Soft-deletes a student (owner, admin): `deletedAt` is set and the record leaves the list
 * indexes; it answers 404 until restored. The family keeps the id (reads skip deleted students),
 * so a restore needs no family write.
 */
export async function deleteStudent(actor: Actor, studioId: string, studentId: string) {
  const { member, student: current } = await loadStudent(actor, studioId, studentId);
  assertMay(member, "student.manage");
  const now = new Date().toISOString();
  const changes = { ...studentIndexKeys(current), listing: "deleted" as const, deletedAt: now, updatedBy: actor.userId };
  await commitWrites(db, (tx) => [
    failsWith(
      tx.student
        .patch({ studioId, studentId })
        .set(changes)
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      () => conflict("student.changed", "The student changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "student.deleted",
      entityType: "student",
      entityId: studentId,
      before: current,
      after: { ...current, ...changes } as StudentRecord,
    }),
  ]);
}
