import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadStudioMember, type Actor } from "../../policy";
import { newFamilyRecord } from "./family-record";
import { auditableFamily, toFamily, type Family, type FamilyRecord } from "./family-view";
import type { CreateFamilyInput } from "./schemas";

/** Adds a family (admins). Guardians and students are attached afterwards. */
export async function createFamily(actor: Actor, studioId: string, input: CreateFamilyInput): Promise<Family> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "family.manage");
  const familyId = uuidv7();
  const now = new Date().toISOString();
  const record = newFamilyRecord(studioId, familyId, input, actor.userId, now);
  await commitWrites(db, (tx) => [
    tx.family.create(record).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "family.created",
      entityType: "family",
      entityId: familyId,
      after: auditableFamily(record as FamilyRecord),
    }),
  ]);
  return toFamily(record as FamilyRecord, [], []);
}
