import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { scheduleDb } from "../schedule-db";
import { toCancellationPolicy, type CancellationPolicy, type SchedulingSettingsRecord } from "./cancellation-policy";
import { schedulingSettingsRead, withDefaults } from "./read-settings";
import type { CancellationPolicyInput } from "./schemas";

/**
 * Replaces the studio's cancellation policy (admins), with the reminder lead time and pattern
 * horizon stored beside it. The change applies to cancellations from now on; credits already
 * issued keep their expiry date. Audited in the same transaction.
 */
export async function setCancellationPolicy(actor: Actor, studioId: string, input: CancellationPolicyInput): Promise<CancellationPolicy> {
  const { member, records } = await loadMemberWith(actor, studioId, schedulingSettingsRead(studioId));
  assertMay(member, "cancellation-policy.set");
  const previous = records[0];
  const now = new Date().toISOString();
  const { maxCreditsPerTerm, offerFreedSlots, ...rest } = input;
  const next: SchedulingSettingsRecord = {
    studioId,
    ...rest,
    offerFreedSlots: offerFreedSlots ?? withDefaults(previous).offerFreedSlots,
    ...(maxCreditsPerTerm === null ? {} : { maxCreditsPerTerm }),
    updatedBy: actor.userId,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  await commitWrites(scheduleDb, (tx) => [
    tx.schedulingSettings.put(next).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "cancellationPolicy.updated",
      entityType: "cancellationPolicy",
      entityId: studioId,
      before: toCancellationPolicy(previous) as never,
      after: toCancellationPolicy(next) as never,
    }),
  ]);
  return toCancellationPolicy(next);
}
