/**
 * When an open platform invoice is charged (days after it was issued): at once, then 3 and 7 days
 * later; the grace period ends after day 14, and the day after it the last try pauses the studio
 * if it still fails. After that only the owner pays (a new card, or "Pay now").
 */
export const CHARGE_DAYS = [0, 3, 7, 15] as const;
export const GRACE_DAYS = 14;

const MS_PER_DAY = 86_400_000;
export const utcDate = (at: Date) => at.toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY));

/** The day of the next scheduled charge after `tries` of them, or null once the ladder is done. */
export function nextChargeDay(issuedOn: string, tries: number): string | null {
  const day = CHARGE_DAYS[tries];
  return day === undefined ? null : addDays(issuedOn, day);
}

/** Whether the ladder's last step was this try: a failure now pauses the studio. */
export const isLastTry = (tries: number) => tries >= CHARGE_DAYS.length;
