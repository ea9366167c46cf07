/**
 * Wall-clock time in a studio's IANA time zone, with the platform's Intl data (no library).
 * A weekly lesson "Tuesdays 16:00 Europe/London" is a local date + local time; its instant is
 * computed per date, so it stays at 16:00 local across DST changes.
 */

/** "YYYY-MM-DD" */
export type LocalDate = string;
/** "HH:MM" (24 h) */
export type LocalTime = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export interface LocalParts {
  date: LocalDate;
  time: LocalTime;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

/** The local date, time and weekday of an instant in a time zone. */
export function localParts(instant: Date | string, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time,
    weekday: WEEKDAYS.indexOf(parts.weekday!) + 1,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Europe/London in summer: 60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a local date and time happen in a time zone. A time that does not exist (skipped
 * by a spring-forward change) moves forward by the gap (02:30 → 03:30); a time that happens
 * twice (fall-back) is the first of the two.
 */
export function zonedInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Try the offsets in force just before and just after; the earliest that maps back is the first occurrence.
  const before = offsetMinutes(new Date(naive - 36 * 3_600_000), timeZone);
  const after = offsetMinutes(new Date(naive + 36 * 3_600_000), timeZone);
  const candidates = [...new Set([before, after])].map((offset) => new Date(naive - offset * 60_000)).sort((a, b) => a.getTime() - b.getTime());
  for (const candidate of candidates) {
    const back = localParts(candidate, timeZone);
    if (back.date === date && back.time === time.slice(0, 5)) return candidate;
  }
  // Skipped by a DST gap: use the offset before the change, which lands after the gap.
  return new Date(naive - before * 60_000);
}

/** The instant local midnight starts a date (the first instant of that local day). */
export const startOfLocalDay = (date: LocalDate, timeZone: string) => zonedInstant(date, "00:00", timeZone);

/** A local date moved by whole days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A local date moved by whole months, clamped to the month's last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whole days from one local date to another (b - a). */
export const daysBetween = (a: LocalDate, b: LocalDate) =>
  Math.round((new Date(`${b}T00:00:00Z`).getTime() - new Date(`${a}T00:00:00Z`).getTime()) / 86_400_000);

/** "HH:MM" → minutes since midnight. */
export const minutesOf = (time: LocalTime) => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** Minutes since midnight → "HH:MM". */
export const timeOf = (minutes: number): LocalTime => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Adds minutes to an ISO instant. */
export const addMinutes = (instant: string | Date, minutes: number) => new Date(new Date(instant).getTime() + minutes * 60_000);

/** Whether a string names a time zone this runtime knows. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
