import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { hiddenRecord, type Actor } from "../../policy";
import { assertFamilyAdmin, guardianKey, loadFamily } from "./family-access";
import { auditableFamily, auditableGuardian, type FamilyRecord, type GuardianRecord } from "./family-view";

/**
 * Soft-deletes a guardian (admins). When they were the family's primary contact, the family loses
 * its primary contact in the same transaction.
 */
export async function removeGuardian(actor: Actor, studioId: string, familyId: string, guardianId: string): Promise<void> {
  const { member, family, extra } = await loadFamily(actor, studioId, familyId, guardianKey(studioId, familyId, guardianId));
  const [current] = extra;
  if (!current || current.deletedAt) throw hiddenRecord("Guardian");
  await assertFamilyAdmin(member, family, "guardian.remove");
  const deletedAt = new Date().toISOString();
  const wasPrimary = family.primaryContactId === guardianId;

  await commitWrites(db, (tx) => [
    failsWith(
      tx.guardian
        .patch({ studioId, familyId, guardianId })
        .set({ deletedAt, listing: "deleted", emailKey: current.emailKey, updatedBy: actor.userId })
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => hiddenRecord("Guardian"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "guardian.deleted",
      entityType: "guardian",
      entityId: guardianId,
      before: auditableGuardian(current),
      after: auditableGuardian({ ...current, deletedAt } as GuardianRecord),
    }),
    ...(wasPrimary
      ? [
          failsWith(
            tx.family
              .patch({ studioId, familyId })
              .remove(["primaryContactId"])
              .set({ updatedBy: actor.userId })
              .where((a, op) => op.eq(a.primaryContactId, guardianId))
              .commit(),
            () => conflict("family.changed", "The family changed meanwhile; try again"),
          ),
          recordAudit(tx, {
            studioId,
            actorId: actor.userId,
            action: "family.updated",
            entityType: "family",
            entityId: familyId,
            before: auditableFamily(family),
            after: auditableFamily({ ...family, primaryContactId: undefined } as FamilyRecord),
          }),
        ]
      : []),
  ]);
}
