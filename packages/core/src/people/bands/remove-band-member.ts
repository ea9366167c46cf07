import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, notFound } from "../../kernel/errors";
import type { Actor } from "../../policy";
import { readStudents } from "../student-summaries";
import { assertBandAdmin, loadBand } from "./band-access";
import { auditableBand, toBand, type Band, type BandRecord } from "./band-view";

/** Takes a student out of a band (admins); a primary contact who leaves stops being it. */
export async function removeBandMember(actor: Actor, studioId: string, bandId: string, studentId: string): Promise<Band> {
  const { member, band: current } = await loadBand(actor, studioId, bandId);
  await assertBandAdmin(member, current);
  const memberIds = current.memberStudentIds ?? [];
  if (!memberIds.includes(studentId)) throw notFound("Band member");
  const wasContact = current.primaryContactId === studentId;
  const next = { ...current, memberStudentIds: memberIds.filter((id) => id !== studentId) } as BandRecord;
  if (wasContact) delete next.primaryContactId;

  await commitWrites(db, (tx) => [
    failsWith(
      tx.band
        .patch({ studioId, bandId })
        .delete({ memberStudentIds: [studentId] })
        .remove(wasContact ? ["primaryContactId"] : [])
        .set({ updatedBy: actor.userId })
        .where((a, op) => `${op.notExists(a.deletedAt)} AND ${op.contains(a.memberStudentIds, studentId)}`)
        .commit(),
      () => conflict("band.changed", "The band changed meanwhile; try again"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "band.member_removed",
      entityType: "band",
      entityId: bandId,
      before: auditableBand(current),
      after: auditableBand(next),
    }),
  ]);
  return toBand({ ...next, updatedAt: new Date().toISOString() }, await readStudents(studioId, next.memberStudentIds));
}
