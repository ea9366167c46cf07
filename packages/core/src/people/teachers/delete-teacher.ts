import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { loadTeacher, teacherIndexKeys } from "./teacher-access";
import type { TeacherRecord } from "./teacher-view";

/**
 * Soft-deletes a teacher (owner, admin): `deletedAt` is set and the record leaves the list
 * indexes; it answers 404 until restored. Their students keep the link.
 */
export async function deleteTeacher(actor: Actor, studioId: string, teacherId: string) {
  const { member, teacher: current } = await loadTeacher(actor, studioId, teacherId);
  assertMay(member, "teacher.manage");
  const now = new Date().toISOString();
  const changes = { ...teacherIndexKeys(current), listing: "deleted" as const, deletedAt: now, updatedBy: actor.userId };
  await commitWrites(db, (tx) => [
    failsWith(
      tx.teacher
        .patch({ studioId, teacherId })
        .set(changes)
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      () => conflict("teacher.changed", "The teacher changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "teacher.deleted",
      entityType: "teacher",
      entityId: teacherId,
      before: current,
      after: { ...current, ...changes } as TeacherRecord,
    }),
  ]);
}
