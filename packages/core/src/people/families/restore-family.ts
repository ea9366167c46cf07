import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor, hiddenRecord, loadMemberWith } from "../../policy";
import { readStudents } from "../student-summaries";
import { familyKey, readGuardians } from "./family-access";
import { auditableFamily, type Family, type FamilyRecord, toFamily } from "./family-view";

/** Brings a soft-deleted family back into the lists (admins). */
export async function restoreFamily(actor: Actor, studioId: string, familyId: string): Promise<Family> {
  const { member, records } = await loadMemberWith(actor, studioId, familyKey(studioId, familyId));
  assertMay(member, "family.manage");
  const [current] = records;
  if (!current) throw hiddenRecord("Family");
  if (!current.deletedAt) throw conflict("family.not_deleted", "This family is not deleted");
  await commitWrites(db, (tx) => [
    failsWith(
      tx.family
        .patch({ studioId, familyId })
        .set({ listing: "listed", nameKey: current.nameKey, emailKey: current.emailKey, updatedBy: actor.userId })
        .remove(["deletedAt"])
        .where((a, op) => op.exists(a.deletedAt))
        .commit(),
      () => conflict("family.not_deleted", "This family is not deleted"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "family.restored",
      entityType: "family",
      entityId: familyId,
      before: auditableFamily(current),
      after: auditableFamily({ ...current, deletedAt: undefined }),
    }),
  ]);
  const restored = { ...current, deletedAt: undefined, listing: "listed", updatedAt: new Date().toISOString() } as FamilyRecord;
  const [students, guardians] = await Promise.all([readStudents(studioId, restored.studentIds), readGuardians(studioId, familyId)]);
  return toFamily(restored, guardians, students);
}
