import { WEEKDAYS } from "./weekly-hours";

const EVERY: Record<string, string> = { weekly: "Every", biweekly: "Every other", monthly: "Monthly on a" };

/** "Every Tuesday, 15:00 for 30 min" — a pattern's rhythm in words (its times are the studio's wall clock). */
export function patternRhythm(p: { frequency: string; dayOfWeek: number; startTime: string; durationMinutes: number }): string {
  const day = WEEKDAYS.find((d) => d.weekday === p.dayOfWeek)?.name ?? "";
  return `${EVERY[p.frequency] ?? ""} ${day}, ${p.startTime} for ${p.durationMinutes} min`.trim();
}
