import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { hiddenRecord, type Actor } from "../../policy";
import { searchKeys } from "../person-fields";
import { assertMayEditGuardian, guardianKey, loadFamily } from "./family-access";
import { auditableGuardian, toGuardian, type Guardian, type GuardianRecord } from "./family-view";
import type { UpdateGuardianInput } from "./schemas";

type Clearable = "email" | "phone" | "address";

/** Changes a guardian: admins any, a parent their own record. */
export async function updateGuardian(actor: Actor, studioId: string, familyId: string, guardianId: string, input: UpdateGuardianInput): Promise<Guardian> {
  const { member, family, extra } = await loadFamily(actor, studioId, familyId, guardianKey(studioId, familyId, guardianId));
  const [current] = extra;
  if (!current || current.deletedAt) throw hiddenRecord("Guardian");
  await assertMayEditGuardian(member, family, current);

  const set: Partial<GuardianRecord> = {};
  const removals: Clearable[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null || value === "") removals.push(field as Clearable);
    else (set as Record<string, unknown>)[field] = value;
  }
  const next = { ...current, ...set } as GuardianRecord;
  for (const field of removals) delete next[field];
  const keys = searchKeys(`${next.firstName} ${next.lastName}`, next.email);

  await commitWrites(db, (tx) => [
    failsWith(
      tx.guardian
        .patch({ studioId, familyId, guardianId })
        .set({ ...set, ...keys, listing: "listed", updatedBy: actor.userId })
        .remove(removals)
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => hiddenRecord("Guardian"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "guardian.updated",
      entityType: "guardian",
      entityId: guardianId,
      before: auditableGuardian(current),
      after: auditableGuardian(next),
    }),
  ]);
  return toGuardian({ ...next, updatedAt: new Date().toISOString() });
}
