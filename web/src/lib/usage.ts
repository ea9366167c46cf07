import { hostingApi, type HostingClient } from "./api";
import type { AnyResponse } from "./call";
import { asUserOf, type SessionContext } from "./session";
import type { PlatformPrice } from "@studiosync/core/metering";

/**
 * The studio's Usage and billing pages (Settings, owners and admins): what StudioSync meters for
 * the studio (active students, lessons held, emails sent, storage) and bills it. The hosting
 * module's own typed client, links, and the pages' words and numbers — pure, but for `asHosting`.
 */
export const asHosting = <R extends AnyResponse>(ctx: SessionContext, send: (client: HostingClient) => Promise<R>) =>
  asUserOf(ctx, (token) => hostingApi(token), send);

/** The usage events a month's counter is made of, in the API's words (its path). */
export const USAGE_METRICS = ["activeStudents", "lessonsHeld", "emailsSent", "storage"] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

export const isUsageMetric = (value: string): value is UsageMetric => (USAGE_METRICS as readonly string[]).includes(value);

/** Each metric's words: its name, what a row of its list is, what its date is, and its empty list. */
export const METRIC_WORDS: Record<UsageMetric, { label: string; item: string; when: string; none: string; empty: string }> = {
  activeStudents: {
    label: "Active students",
    item: "Student",
    when: "Counted from the lesson on",
    none: "No active students",
    empty: "A student counts as active once a month, from their first lesson held or booked in it.",
  },
  lessonsHeld: {
    label: "Lessons held",
    item: "Lesson",
    when: "Held on",
    none: "No lessons held",
    empty: "Lessons count here once they are marked as held.",
  },
  emailsSent: {
    label: "Emails sent",
    item: "Kind of email",
    when: "Sent",
    none: "No emails sent",
    empty: "Every email StudioSync sends for the studio — invoices, reminders, invitations — counts here.",
  },
  storage: {
    label: "Storage",
    item: "Day",
    when: "Measured",
    none: "No storage measured",
    empty: "The studio's stored files are measured once a day; each day's size counts towards the month's GB-months.",
  },
};

/** A month's words in a metric's list: "Active students — December 2026". */
export const metricTitle = (metric: UsageMetric, monthWords: string) => `${METRIC_WORDS[metric].label} — ${monthWords}`;

/** `<base>/settings/usage` and a month's list of one metric under it. */
export const usageHref = (base: string) => `${base}/settings/usage`;
export const usageMarksHref = (base: string, month: string, metric: UsageMetric) =>
  `${usageHref(base)}/${encodeURIComponent(month)}/${encodeURIComponent(metric)}`;

/** The tabs between the four lists of a month. */
export const metricTabs = (base: string, month: string, current: string) =>
  USAGE_METRICS.map((metric) => ({ href: usageMarksHref(base, month, metric), label: METRIC_WORDS[metric].label, current: metric === current }));

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** "2026-12" → "December 2026" (the month is the studio's: no zone shift). */
export const monthLabel = (month: string, locale = "en-GB") =>
  new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" }).format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));

/** "2026-12" → "Dec": the chart's axis (the year is shown where it changes). */
export const shortMonthLabel = (month: string, locale = "en-GB") =>
  new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short" }).format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));

const numberFormat = (locale: string, maximumFractionDigits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits });

/** A count in figures with its noun: "1 student", "1,204 emails". */
export const countWords = (count: number, one: string, many: string, locale = "en-GB") => `${numberFormat(locale).format(count)} ${count === 1 ? one : many}`;

/** GB-months (to 3 decimals, as the API gives them): "0.125 GB-months", "1 GB-month", "0 GB-months". */
export const gbMonthsWords = (value: number, locale = "en-GB") => `${numberFormat(locale, 3).format(value)} ${value === 1 ? "GB-month" : "GB-months"}`;

/** Storage is counted in units of 1,024 (a GB is 2^30 bytes, as the bill prices it). */
const UNITS = ["KB", "MB", "GB", "TB"] as const;

/** Bytes in words: "0 bytes", "1 byte", "512 bytes", "1.5 KB", "12.4 MB", "2 GB". */
export function bytesWords(bytes: number, locale = "en-GB"): string {
  if (bytes < 1024) return `${numberFormat(locale).format(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${numberFormat(locale, value < 10 ? 2 : 1).format(value)} ${UNITS[unit]}`;
}

/** A bill line's figures (`used`, `included`, `billable`) in its unit: students and emails whole, storage in GB-months. */
export const lineFigure = (metric: string, value: number, locale = "en-GB") =>
  metric === "storage" ? gbMonthsWords(value, locale) : numberFormat(locale).format(value);

/** A bill line's price beyond the allowance: "$1.50 a student", "$1.00 per 1,000 emails", "$0.10 per GB-month". */
export function unitPriceWords(line: { metric: string; unitPriceMinor: number; per: number }, money: (minor: number) => string, locale = "en-GB") {
  const price = money(line.unitPriceMinor);
  const per = line.per === 1 ? "" : `${numberFormat(locale).format(line.per)} `;
  switch (line.metric) {
    case "activeStudents":
      return line.per === 1 ? `${price} a student` : `${price} per ${per}students`;
    case "emailsSent":
      return line.per === 1 ? `${price} an email` : `${price} per ${per}emails`;
    case "storage":
      return line.per === 1 ? `${price} per GB-month` : `${price} per ${per}GB-months`;
    default:
      return line.per === 1 ? `${price} each` : `${price} per ${per}`;
  }
}

/** The price's terms, as core's price list states them (its currency is the bill's). */
export type PriceTerms = Omit<PlatformPrice, "currency">;

/** The price in force in one sentence: its free allowances, its prices beyond them, and its version. */
export function priceSentence(price: PriceTerms, money: (minor: number) => string, locale = "en-GB") {
  const free = [
    countWords(price.freeActiveStudents, "active student", "active students", locale),
    countWords(price.freeEmails, "email", "emails", locale),
    `${gbMonthsWords(price.freeStorageGbMonths, locale)} of storage`,
  ];
  return (
    `Each month the first ${free[0]}, ${free[1]} and ${free[2]} are free; beyond them StudioSync charges ` +
    `${money(price.perActiveStudentMinor)} a student, ${money(price.perThousandEmailsMinor)} per 1,000 emails and ` +
    `${money(price.perGbMonthMinor)} per GB-month (price ${price.version}, in force since ${monthLabel(price.from, locale)}).`
  );
}

/**
 * The bars' heights for `values` in a plot `plotHeight` high: the largest value fills it, every
 * other in proportion, rounded to whole units; a value above nothing gets at least `minimum`, so a
 * small month is still seen. All nothing (or nothing yet) is all 0, with no division by zero.
 */
export function barHeights(values: readonly number[], plotHeight: number, minimum = 2): number[] {
  const max = Math.max(0, ...values);
  if (max <= 0) return values.map(() => 0);
  return values.map((value) => (value <= 0 ? 0 : Math.min(plotHeight, Math.max(minimum, Math.round((value / max) * plotHeight)))));
}

/** What a list the API refused as unknown (422) means to the person: a list, or a month, that doesn't exist. */
export const marksNotFoundWords = (monthKnown: boolean) =>
  monthKnown
    ? "Choose one of the month's lists above — active students, lessons held, emails sent or storage — or go back to the usage page."
    : "That isn't a month we keep usage for. Choose a month on the usage page.";

/** An email's kind as usage records it ("lesson-reminder") in words: "Lesson reminder". */
export const emailKindWords = (kind: string) => {
  const words = kind.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Email";
};
