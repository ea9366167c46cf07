import type { BookingSettings } from "../settings/defaults";

/** How many local dates a teacher page offers trial slots for. */
export const TRIAL_SEARCH_DAYS = 14;
/** Trial slots start on the half hour (a shorter trial, on its own length). */
export const TRIAL_STEP_MINUTES = 30;

/** The instants a trial may start between: after the minimum notice, before the booking horizon. */
export function trialWindow(settings: Pick<BookingSettings, "minNoticeHours" | "horizonDays">, now: Date) {
  return {
    earliest: now.getTime() + settings.minNoticeHours * 3_600_000,
    latest: now.getTime() + settings.horizonDays * 86_400_000,
  };
}

export const trialStepOf = (durationMinutes: number) => Math.min(TRIAL_STEP_MINUTES, durationMinutes);
