import { itemOf } from "../../kernel/db/read-together";
import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, hiddenRecord, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadMemberAndRecord } from "../member-record";
import { visibleSubjectOf } from "../student-subject";
import type { PracticeLogRecord } from "./practice-log-view";

/**
 * Soft-deletes a practice log (the student, their parents, admins): it leaves the student's list.
 * Who may see the student but not record their practice (their teacher) gets 403; others 404.
 */
export async function deletePracticeLog(actor: Actor, studioId: string, logId: string) {
  const { member, record } = await loadMemberAndRecord(actor, studioId, itemOf(teachingDb().entities.practiceLog, { studioId, logId }));
  const current = record as PracticeLogRecord | null;
  if (!current || current.listing !== "listed") throw hiddenRecord("Practice log");
  const student = await visibleSubjectOf(member, studioId, current.studentId);
  if (!student) throw hiddenRecord("Practice log");
  assertMay(member, "practice-log.write", student.facts);

  const now = new Date().toISOString();
  const changes = { listing: "deleted" as const, deletedAt: now };
  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.practiceLog
        .patch({ studioId, logId })
        .set({ ...changes, studentId: current.studentId })
        .where((a, op) => `${op.eq(a.listing, "listed")} AND ${op.eq(a.studentId, current.studentId)}`)
        .commit(),
      () => conflict("practice_log.deleted", "The practice log was deleted meanwhile"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "practiceLog.deleted",
      entityType: "practiceLog",
      entityId: logId,
      before: current,
      after: { ...current, ...changes },
    }),
  ]);
}
