import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { invalidField } from "../../kernel/errors";
import { hiddenRecord, type Actor } from "../../policy";
import { readStudents } from "../student-summaries";
import { assertBandAdmin, loadBand, studentKey } from "./band-access";
import { auditableBand, toBand, type Band, type BandRecord } from "./band-view";

const notAStudent = () => invalidField("studentId", "must be a listed student of this studio");

/**
 * Adds a student to a band (admins); idempotent. The student must be a listed (not deleted) student
 * of this studio, checked again inside the write transaction.
 */
export async function addBandMember(actor: Actor, studioId: string, bandId: string, studentId: string): Promise<Band> {
  const { member, band: current, extra } = await loadBand(actor, studioId, bandId, studentKey(studioId, studentId));
  await assertBandAdmin(member, current);
  const [student] = extra;
  if (!student || student.deletedAt) throw notAStudent();
  const memberIds = current.memberStudentIds ?? [];
  if (memberIds.includes(studentId)) return toBand(current, await readStudents(studioId, memberIds));

  const next = { ...current, memberStudentIds: [...memberIds, studentId] } as BandRecord;
  await commitWrites(db, (tx) => [
    failsWith(
      tx.band
        .patch({ studioId, bandId })
        .add({ memberStudentIds: [studentId] })
        .set({ updatedBy: actor.userId })
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => hiddenRecord("Band"),
    ),
    failsWith(
      tx.student
        .check({ studioId, studentId })
        .where((a, op) => `${op.exists(a.studentId)} AND ${op.notExists(a.deletedAt)}`)
        .commit(),
      notAStudent,
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "band.member_added",
      entityType: "band",
      entityId: bandId,
      before: auditableBand(current),
      after: auditableBand(next),
    }),
  ]);
  return toBand({ ...next, updatedAt: new Date().toISOString() }, await readStudents(studioId, next.memberStudentIds));
}
