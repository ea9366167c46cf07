import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { hiddenRecord, type Actor } from "../../policy";
import { assertFamilyAdmin, loadFamily } from "./family-access";
import { auditableFamily, type FamilyRecord } from "./family-view";

/** Soft-deletes a family (admins): it leaves the lists and answers 404 until restored. */
export async function deleteFamily(actor: Actor, studioId: string, familyId: string): Promise<void> {
  const { member, family: current } = await loadFamily(actor, studioId, familyId);
  await assertFamilyAdmin(member, current, "family.delete");
  const deletedAt = new Date().toISOString();
  await commitWrites(db, (tx) => [
    failsWith(
      tx.family
        .patch({ studioId, familyId })
        .set({ deletedAt, listing: "deleted", nameKey: current.nameKey, emailKey: current.emailKey, updatedBy: actor.userId })
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => hiddenRecord("Family"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "family.deleted",
      entityType: "family",
      entityId: familyId,
      before: auditableFamily(current),
      after: auditableFamily({ ...current, deletedAt } as FamilyRecord),
    }),
  ]);
}
