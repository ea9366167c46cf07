import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadStudioMember, type Actor } from "../../policy";
import { newListedFields } from "../person-fields";
import { auditableFamily, toFamily, type Family, type FamilyRecord } from "./family-view";
import type { CreateFamilyInput } from "./schemas";

/** Adds a family (admins). Guardians and students are attached afterwards. */
export async function createFamily(actor: Actor, studioId: string, input: CreateFamilyInput): Promise<Family> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "family.manage");
  const familyId = uuidv7();
  const now = new Date().toISOString();
  const record = {
    studioId,
    familyId,
    name: input.name,
    ...(input.billingEmail ? { billingEmail: input.billingEmail } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.address ? { address: input.address } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    ...newListedFields(actor.userId, input.name, input.billingEmail, now),
  };
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
