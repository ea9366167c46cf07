import { formatMoney } from "@studiosync/core/billing";
import { localeFor } from "@studiosync/core/kernel";

/**
 * The one place pages format dates, times and money: in the studio's locale and time zone, so
 * "Mon 7 Dec, 16:00" reads the same on every page whatever the viewer's own zone.
 */
export interface StudioLocaleSource {
  timeZone: string;
  currency: string;
  country?: string | null;
}

type Instant = string | Date;
const toDate = (value: Instant) => (typeof value === "string" ? new Date(value) : value);

export interface StudioFormat {
  locale: string;
  timeZone: string;
  currency: string;
  /** "Mon 7 Dec" */
  day(value: Instant): string;
  /** "Mon 7 Dec 2026" */
  date(value: Instant): string;
  /** "16:00" */
  time(value: Instant): string;
  /** "Mon 7 Dec, 16:00" */
  dateTime(value: Instant): string;
  /** "16:00–16:45" */
  timeRange(start: Instant, end: Instant): string;
  /** A local date ("2026-12-07") as "Mon 7 Dec 2026", with no zone shift. */
  localDate(date: string): string;
  /** "December 2026" from "2026-12" or a local date. */
  month(yearMonth: string): string;
  /** The studio's local date ("2026-12-07") of an instant. */
  localDateOf(value: Instant): string;
  /** "today" / "tomorrow" / "yesterday" next to an instant, relative to `now`; undefined otherwise. */
  relativeDay(value: Instant, now?: Date): string | undefined;
  /** Integer minor units → "£52.50" in the given (or the studio's) currency. */
  money(minor: number, currency?: string): string;
  /** The zone's short name at an instant ("GMT", "BST"), to label times. */
  zoneName(value?: Instant): string;
}

export function studioFormat(studio: StudioLocaleSource): StudioFormat {
  const { timeZone, currency, country } = studio;
  const locale = localeFor(country, currency);
  const cache = new Map<string, Intl.DateTimeFormat>();
  const fmt = (key: string, options: Intl.DateTimeFormatOptions) => {
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...options })));
    return f;
  };
  const day = (v: Instant) => fmt("day", { weekday: "short", day: "numeric", month: "short" }).format(toDate(v));
  const time = (v: Instant) => fmt("time", { hour: "2-digit", minute: "2-digit" }).format(toDate(v));
  const localDateOf = (v: Instant) =>
    fmt("iso", { year: "numeric", month: "2-digit", day: "2-digit", calendar: "iso8601" })
      .formatToParts(toDate(v))
      .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {} as Record<string, string>);
  const isoDate = (v: Instant) => {
    const p = localDateOf(v);
    return `${p.year}-${p.month}-${p.day}`;
  };
  return {
    locale,
    timeZone,
    currency,
    day,
    date: (v) => fmt("date", { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(toDate(v)),
    time,
    dateTime: (v) => `${day(v)}, ${time(v)}`,
    timeRange: (start, end) => `${time(start)}–${time(end)}`,
    localDate: (date) =>
      new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(
        new Date(`${date.slice(0, 10)}T12:00:00Z`),
      ),
    month: (yearMonth) =>
      new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" }).format(new Date(`${yearMonth.slice(0, 7)}-15T12:00:00Z`)),
    localDateOf: isoDate,
    relativeDay(v, now = new Date()) {
      const days = Math.round((Date.parse(`${isoDate(v)}T00:00:00Z`) - Date.parse(`${isoDate(now)}T00:00:00Z`)) / 86_400_000);
      return days === 0 ? "today" : days === 1 ? "tomorrow" : days === -1 ? "yesterday" : undefined;
    },
    money: (minor, code = currency) => formatMoney(minor, code, country),
    zoneName: (v = new Date()) =>
      fmt("zone", { timeZoneName: "short" })
        .formatToParts(toDate(v))
        .find((p) => p.type === "timeZoneName")?.value ?? timeZone,
  };
}
