import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor, hiddenRecord, loadMemberWith } from "../../policy";
import { readStudents } from "../student-summaries";
import { bandKey } from "./band-access";
import { auditableBand, type Band, type BandRecord, toBand } from "./band-view";

/** Brings a soft-deleted band back into the list (admins). */
export async function restoreBand(actor: Actor, studioId: string, bandId: string): Promise<Band> {
  const { member, records } = await loadMemberWith(actor, studioId, bandKey(studioId, bandId));
  assertMay(member, "band.manage");
  const [current] = records;
  if (!current) throw hiddenRecord("Band");
  if (!current.deletedAt) throw conflict("band.not_deleted", "This band is not deleted");
  await commitWrites(db, (tx) => [
    failsWith(
      tx.band
        .patch({ studioId, bandId })
        .set({ listing: "listed", nameKey: current.nameKey, updatedBy: actor.userId })
        .remove(["deletedAt"])
        .where((a, op) => op.exists(a.deletedAt))
        .commit(),
      () => conflict("band.not_deleted", "This band is not deleted"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "band.restored",
      entityType: "band",
      entityId: bandId,
      before: auditableBand(current),
      after: auditableBand({ ...current, deletedAt: undefined }),
    }),
  ]);
  const restored = { ...current, deletedAt: undefined, listing: "listed", updatedAt: new Date().toISOString() } as BandRecord;
  return toBand(restored, await readStudents(studioId, restored.memberStudentIds));
}
