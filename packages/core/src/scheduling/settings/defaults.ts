/** The scheduling rules a studio has until it sets its own (scheduling-settings.entity.ts). */
export const DEFAULT_SCHEDULING_SETTINGS = {
  noticeHours: 24,
  issueMakeupCredit: true,
  maxCreditsPerTerm: 3 as number | undefined,
  termLength: "quarter" as "month" | "quarter" | "half_year" | "year",
  creditExpiryDays: 90,
  reminderLeadHours: 24,
  horizonWeeks: 12,
  /** Email a lesson slot that frees up to the families holding a make-up credit with its teacher. */
  offerFreedSlots: true,
};
export type SchedulingSettings = typeof DEFAULT_SCHEDULING_SETTINGS;
