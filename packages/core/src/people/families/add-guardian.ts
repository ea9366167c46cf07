import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { hiddenRecord, type Actor } from "../../policy";
import { newGuardianRecord } from "./family-record";
import { assertFamilyAdmin, loadFamily } from "./family-access";
import { auditableGuardian, toGuardian, type Guardian, type GuardianRecord } from "./family-view";
import type { CreateGuardianInput } from "./schemas";

/** Adds a guardian to a family (admins); the family must still exist when the write lands. */
export async function addGuardian(actor: Actor, studioId: string, familyId: string, input: CreateGuardianInput): Promise<Guardian> {
  const { member, family } = await loadFamily(actor, studioId, familyId);
  await assertFamilyAdmin(member, family, "guardian.add");
  const guardianId = uuidv7();
  const now = new Date().toISOString();
  const record = newGuardianRecord(studioId, familyId, guardianId, input, actor.userId, now);
  await commitWrites(db, (tx) => [
    ...failsWith(
      [
        tx.guardian.create(record).commit(),
        tx.family
          .check({ studioId, familyId })
          .where((a, op) => `${op.exists(a.familyId)} AND ${op.notExists(a.deletedAt)}`)
          .commit(),
      ],
      () => hiddenRecord("Family"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "guardian.created",
      entityType: "guardian",
      entityId: guardianId,
      after: auditableGuardian(record as GuardianRecord),
    }),
  ]);
  return toGuardian(record as GuardianRecord);
}
