import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { toFeePlan, type FeePlan, type FeePlanRecord } from "./fee-plan-view";
import type { CreateFeePlanInput } from "./schemas";

/** Adds a fee plan (admins): a per-lesson rate, a monthly fee or a term package. Audited. */
export async function createFeePlan(actor: Actor, studioId: string, input: CreateFeePlanInput): Promise<FeePlan> {
  const { member, studio } = await loadMemberWith(actor, studioId);
  assertMay(member, "fee-plan.manage");
  const now = new Date().toISOString();
  const record: FeePlanRecord = {
    studioId,
    feePlanId: uuidv7(),
    name: input.name,
    kind: input.kind,
    amountMinor: input.amountMinor,
    ...(input.description ? { description: input.description } : {}),
    ...(input.kind === "term" ? { termStart: input.termStart, termEnd: input.termEnd, ...(input.lessonCount ? { lessonCount: input.lessonCount } : {}) } : {}),
    isActive: true,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await commitWrites(billingDb, (tx) => [
    tx.feePlan.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "feePlan.created", entityType: "feePlan", entityId: record.feePlanId, after: record }),
  ]);
  return toFeePlan(record, studio.currency);
}
