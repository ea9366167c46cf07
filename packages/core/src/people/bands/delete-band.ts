import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { hiddenRecord, type Actor } from "../../policy";
import { assertBandAdmin, loadBand } from "./band-access";
import { auditableBand, type BandRecord } from "./band-view";

/** Soft-deletes a band (admins): it leaves the list and answers 404 until restored. */
export async function deleteBand(actor: Actor, studioId: string, bandId: string): Promise<void> {
  const { member, band: current } = await loadBand(actor, studioId, bandId);
  await assertBandAdmin(member, current);
  const deletedAt = new Date().toISOString();
  await commitWrites(db, (tx) => [
    failsWith(
      tx.band
        .patch({ studioId, bandId })
        .set({ deletedAt, listing: "deleted", nameKey: current.nameKey, updatedBy: actor.userId })
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => hiddenRecord("Band"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "band.deleted",
      entityType: "band",
      entityId: bandId,
      before: auditableBand(current),
      after: auditableBand({ ...current, deletedAt } as BandRecord),
    }),
  ]);
}
