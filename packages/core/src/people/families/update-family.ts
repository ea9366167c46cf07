import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { invalidField } from "../../kernel/errors";
import { hiddenRecord, type Actor } from "../../policy";
import { searchKeys } from "../person-fields";
import { assertMayEditFamily, loadFamily, readGuardians, readableFamilyStudents } from "./family-access";
import { auditableFamily, toFamily, type Family, type FamilyRecord } from "./family-view";
import { PARENT_EDITABLE_FAMILY_FIELDS, type UpdateFamilyInput } from "./schemas";

type Clearable = "billingEmail" | "phone" | "address" | "notes" | "primaryContactId";

/**
 * Changes a family: admins every field, its parents their phone, address and billing email. A new
 * primary contact must be a (live) guardian of this family — checked inside the write transaction.
 */
export async function updateFamily(actor: Actor, studioId: string, familyId: string, input: UpdateFamilyInput): Promise<Family> {
  const { member, family: current } = await loadFamily(actor, studioId, familyId);
  const fields = Object.keys(input).filter((field) => input[field as keyof UpdateFamilyInput] !== undefined);
  await assertMayEditFamily(member, current, fields, PARENT_EDITABLE_FAMILY_FIELDS);

  const set: Partial<FamilyRecord> = {};
  const removals: Clearable[] = [];
  for (const field of fields as (keyof UpdateFamilyInput)[]) {
    const value = input[field];
    if (value === null || value === "") removals.push(field as Clearable);
    else (set as Record<string, unknown>)[field] = value;
  }
  const next = { ...current, ...set } as FamilyRecord;
  for (const field of removals) delete next[field];
  const keys = searchKeys(next.name, next.billingEmail);
  const contactId = set.primaryContactId;

  await commitWrites(db, (tx) => [
    failsWith(
      tx.family
        .patch({ studioId, familyId })
        .set({ ...set, ...keys, listing: "listed", updatedBy: actor.userId })
        .remove(removals)
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => hiddenRecord("Family"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "family.updated",
      entityType: "family",
      entityId: familyId,
      before: auditableFamily(current),
      after: auditableFamily(next),
    }),
    ...(contactId
      ? [
          failsWith(
            tx.guardian
              .check({ studioId, familyId, guardianId: contactId })
              .where((a, op) => `${op.exists(a.guardianId)} AND ${op.notExists(a.deletedAt)}`)
              .commit(),
            () => invalidField("primaryContactId", "must be a guardian of this family"),
          ),
        ]
      : []),
  ]);

  const updated = { ...next, ...keys, updatedBy: actor.userId, updatedAt: new Date().toISOString() } as FamilyRecord;
  const [students, guardians] = await Promise.all([readableFamilyStudents(member, updated), readGuardians(studioId, familyId)]);
  return toFamily(updated, guardians, students);
}
