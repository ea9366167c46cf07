import { loadMemberWith, type Actor } from "../../policy";
import type { CancellationPolicy } from "./cancellation-policy-schema";
import { schedulingSettingsRead, withDefaults } from "./read-settings";

import type { SchedulingSettingsRecord } from "./scheduling-settings.entity";
export type { SchedulingSettingsRecord } from "./scheduling-settings.entity";
export type { CancellationPolicy };

/** The policy as the API shows it; `updatedAt` null while the studio uses the defaults. */
export function toCancellationPolicy(stored: SchedulingSettingsRecord | null): CancellationPolicy {
  const s = withDefaults(stored);
  return {
    noticeHours: s.noticeHours,
    issueMakeupCredit: s.issueMakeupCredit,
    maxCreditsPerTerm: s.maxCreditsPerTerm ?? null,
    termLength: s.termLength,
    creditExpiryDays: s.creditExpiryDays,
    reminderLeadHours: s.reminderLeadHours,
    horizonWeeks: s.horizonWeeks,
    offerFreedSlots: s.offerFreedSlots,
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** The studio's cancellation policy (every member may read it: it decides their credits). */
export async function getCancellationPolicy(actor: Actor, studioId: string): Promise<CancellationPolicy> {
  const { records } = await loadMemberWith(actor, studioId, schedulingSettingsRead(studioId));
  return toCancellationPolicy(records[0]);
}
