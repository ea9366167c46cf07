import { parseMoney } from "./money-input";
import { isMonth, monthLabel, usageHref, type PriceTerms } from "./usage";
import type { Tone } from "./tone";
import type { FieldErrors, Problem } from "./problem";

/**
 * What StudioSync bills the studio (Settings → Usage and billing, owners and admins): its monthly
 * platform invoices, the card they are charged to and the spending cap. The pages' links, words
 * and form reading — pure; the pages call the API with the hosting client (`asHosting`, usage.ts).
 */

/** The platform's invoices are in US dollars, whatever the studio's own currency. */
export const PLATFORM_CURRENCY = "USD";

/** `<base>/settings/usage/invoices/<month>`: the address the billing emails link to. */
export const platformInvoiceHref = (base: string, month: string) => `${usageHref(base)}/invoices/${encodeURIComponent(month)}`;

/** `<base>/settings/usage/card`: where Stripe's "Save a card" page sends the owner back to. */
export const cardReturnHref = (base: string) => `${usageHref(base)}/card`;

export type PlatformInvoiceStatus = "open" | "paid";

/** An invoice's status as a badge: Open (Overdue once its grace period is over) or Paid. */
export function invoiceStatusBadge(invoice: { status: string; graceEndsOn: string }, today: string): { label: string; tone: Tone } {
  if (invoice.status === "paid") return { label: "Paid", tone: "success" };
  return isOverdue(invoice, today) ? { label: "Overdue", tone: "danger" } : { label: "Open", tone: "warning" };
}

/** Open and past its grace period (`graceEndsOn` before the studio's `today`): the studio is paused, or about to be. */
export const isOverdue = (invoice: { status: string; graceEndsOn: string }, today: string) => invoice.status === "open" && invoice.graceEndsOn < today;

/**
 * The studio's pause as far as its invoices tell: an open invoice past its grace period. The
 * workspace's own word (`pausedReason` from the API) wins where the page has it.
 */
export const overdueInvoice = <T extends { status: string; graceEndsOn: string }>(invoices: readonly T[], today: string) =>
  invoices.find((invoice) => isOverdue(invoice, today));

/** A card brand as Stripe spells it ("visa", "amex") in words. */
const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
};

export const brandWords = (brand: string) => BRANDS[brand.toLowerCase()] ?? (brand ? brand[0]!.toUpperCase() + brand.slice(1) : "Card");

/** "Visa •••• 4242", as the invoices name the card they were paid with. */
export const cardWords = (card: { brand: string; last4: string }) => `${brandWords(card.brand)} •••• ${card.last4}`;

/** "Expires 12/2030". */
export const cardExpiryWords = (card: { expMonth: number; expYear: number }) => `Expires ${String(card.expMonth).padStart(2, "0")}/${card.expYear}`;

/** A charge attempt's outcome in words. */
export const ATTEMPT_WORDS: Record<string, { label: string; tone: Tone }> = {
  paid: { label: "Paid", tone: "success" },
  declined: { label: "Declined", tone: "danger" },
  no_card: { label: "No card saved", tone: "warning" },
  error: { label: "Not charged", tone: "warning" },
};

export const attemptWords = (outcome: string) => ATTEMPT_WORDS[outcome] ?? { label: outcome.replace(/_/g, " "), tone: "neutral" as Tone };

/** A charge's message as the API gives it ("your card was declined") as a sentence. */
export const sentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return "";
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/* ----- The spending cap form ----- */

export const CAP_LABELS = { capMinor: "Monthly spending cap (US dollars)" } as const;
/** The smallest cap the API takes, in cents. */
export const MIN_CAP_MINOR = 100;

const CAP_WORDS = "Enter the most StudioSync should charge in a month, in US dollars, like 100.00 (at least 1.00).";

/** The cap typed in dollars ("100.50") → cents (10050), by string arithmetic; or the field's error. */
export function readCap(input: string): { capMinor: number } | { error: string } {
  const parsed = parseMoney(input, PLATFORM_CURRENCY);
  if (!parsed.ok) return { error: input.trim() ? `${parsed.reason} ${CAP_WORDS}` : CAP_WORDS };
  if (parsed.value < MIN_CAP_MINOR) return { error: CAP_WORDS };
  return { capMinor: parsed.value };
}

/** A 422's error on `capMinor` under the field, in the site's words. */
export function capFieldErrors(problem: Problem | undefined): FieldErrors {
  return (problem?.errors ?? []).some((e) => e.path === "capMinor") ? { capMinor: CAP_WORDS } : {};
}

/** What the cap's alerts have said this month: "80%" or "100%" reached, or nothing. */
export function capAlertWords(cap: { capMinor: number | null; alertedMonth: string | null; alertedLevel: number | null }, month: string, locale = "en-GB") {
  if (cap.capMinor === null || cap.alertedMonth !== month || !cap.alertedLevel) return undefined;
  const when = monthLabel(month, locale);
  return cap.alertedLevel >= 100
    ? `${when}'s bill has reached the cap: the owners were emailed at 80% and at 100% of it.`
    : `${when}'s bill has reached ${cap.alertedLevel}% of the cap: the owners were emailed.`;
}

/* ----- The card's return from Stripe: what was charged, carried to the usage page ----- */

export type ChargeOutcome = "paid" | "declined" | "no_card" | "error" | "skipped";

/** The usage page's address after a card is saved, with what its charges did (`?done=card&paid=2026-10&declined=…`). */
export function cardSavedHref(base: string, charged: readonly { month: string; outcome: string }[]) {
  const query = new URLSearchParams({ done: "card" });
  for (const outcome of ["paid", "declined", "error"] as const) {
    const months = charged.filter((c) => c.outcome === outcome || (outcome === "error" && c.outcome === "no_card")).map((c) => c.month);
    if (months.length) query.set(outcome, months.join(","));
  }
  return `${usageHref(base)}?${query}`;
}

/** The months of one outcome in the usage page's query, each a real month. */
const monthsIn = (params: URLSearchParams, name: string) => (params.get(name) ?? "").split(",").filter(isMonth);

/** "October 2026", "October and November 2026", "October 2026 and January 2027". */
export function monthsWords(months: readonly string[], locale = "en-GB") {
  const words = months.map((m) => monthLabel(m, locale));
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** The line after a card is saved: "Card saved: Visa •••• 4242. October 2026 paid." */
export function cardSavedWords(params: URLSearchParams, card: string | undefined, locale = "en-GB") {
  const paid = monthsIn(params, "paid");
  const declined = monthsIn(params, "declined");
  const failed = monthsIn(params, "error");
  const parts = [card ? `Card saved: ${card}.` : "Card saved."];
  if (paid.length) parts.push(`${monthsWords(paid, locale)} paid.`);
  if (declined.length) parts.push(`The card was declined for ${monthsWords(declined, locale)}: pay with another card.`);
  if (failed.length) parts.push(`${monthsWords(failed, locale)} couldn't be charged just now; StudioSync will try again.`);
  return { text: parts.join(" "), ok: declined.length === 0 && failed.length === 0 };
}

/** The price recorded on an invoice (the API gives it as a plain object), when it has every term the sentence needs. */
export function priceTermsOf(price: Record<string, unknown>): PriceTerms | undefined {
  const numbers = ["freeActiveStudents", "perActiveStudentMinor", "freeEmails", "perThousandEmailsMinor", "freeStorageGbMonths", "perGbMonthMinor"];
  if (typeof price.version !== "string" || typeof price.from !== "string") return undefined;
  if (!numbers.every((key) => typeof price[key] === "number")) return undefined;
  return price as unknown as PriceTerms;
}

/** What the site says when paying an invoice now is refused (409s and the owner rule). */
export const PAY_WORDS = {
  paid: "This invoice is already paid.",
  noCard: "No card is saved. Add a card on the Usage and billing page: it pays the open invoices at once.",
  onlyOwners: "Only the studio's owner can pay StudioSync's invoices.",
} as const;
