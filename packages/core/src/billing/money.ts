import { localeFor } from "../kernel/locale";

/**
 * Money is integer minor units (cents, pence) everywhere; rates are integers too (thousandths of
 * a percent: 8.875 % = 8875). The only rounding is `roundHalfUp` of a product divided by a whole
 * number, done exactly in integers (every product stays far below 2^53: amounts are capped at
 * MAX_AMOUNT_MINOR and rates at 100 %).
 */

/** The largest amount anywhere (10 million in major units). */
export const MAX_AMOUNT_MINOR = 1_000_000_000;
/** 100 % in thousandths of a percent. */
export const FULL_PERCENT = 100_000;

/** n / d rounded half away from zero (0.5 → 1, −0.5 → −1), for integer n and positive integer d. */
export function roundHalfUp(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) throw new RangeError(`roundHalfUp(${n}, ${d})`);
  const sign = n < 0 ? -1 : 1;
  const abs = Math.abs(n);
  const q = Math.floor(abs / d);
  const r = abs - q * d;
  return sign * (2 * r >= d ? q + 1 : q);
}

/** `amount` × `millipercent` / 100 000, rounded half up: a percentage of an amount. */
export const percentOf = (amountMinor: number, millipercent: number) => roundHalfUp(amountMinor * millipercent, FULL_PERCENT);

/** A lesson at an hourly rate: rate × minutes / 60, rounded half up. */
export const proRata = (hourlyRateMinor: number, minutes: number) => roundHalfUp(hourlyRateMinor * minutes, 60);

export interface LineAmount {
  quantity: number;
  unitPriceMinor: number;
}

export interface Discount {
  kind: "percent" | "fixed";
  /** percent: thousandths of a percent; fixed: minor units. */
  value: number;
}

export interface InvoiceTotals {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export const lineTotal = (line: LineAmount) => line.quantity * line.unitPriceMinor;

/**
 * An invoice's totals, the one place they are computed:
 * 1. subtotal = Σ quantity × unit price (exact);
 * 2. discount = percent of the subtotal rounded half up, or a fixed amount, never more than the subtotal;
 * 3. tax = rate × (subtotal − discount), rounded half up once on the invoice (not per line);
 * 4. total = subtotal − discount + tax.
 * Lines may be negative (a custom credit line) but the subtotal may not.
 */
export function invoiceTotals(lines: LineAmount[], discount: Discount | undefined, taxRateMillipercent: number): InvoiceTotals {
  const subtotalMinor = lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const wanted = !discount ? 0 : discount.kind === "percent" ? percentOf(subtotalMinor, discount.value) : discount.value;
  const discountMinor = Math.max(0, Math.min(wanted, subtotalMinor));
  const taxMinor = percentOf(subtotalMinor - discountMinor, taxRateMillipercent);
  return { subtotalMinor, discountMinor, taxMinor, totalMinor: subtotalMinor - discountMinor + taxMinor };
}

export interface OpenInvoice {
  invoiceId: string;
  balanceDueMinor: number;
}

export interface Allocation {
  invoiceId: string;
  amountMinor: number;
}

/**
 * Splits money over open invoices: the preferred invoice first (when given), then the others in
 * the order given (oldest due first); what is left is account credit.
 */
export function allocate(amountMinor: number, open: OpenInvoice[], preferredInvoiceId?: string): { allocations: Allocation[]; unallocatedMinor: number } {
  const ordered = preferredInvoiceId
    ? [...open.filter((i) => i.invoiceId === preferredInvoiceId), ...open.filter((i) => i.invoiceId !== preferredInvoiceId)]
    : open;
  const allocations: Allocation[] = [];
  let left = amountMinor;
  for (const invoice of ordered) {
    if (left <= 0) break;
    const take = Math.min(left, invoice.balanceDueMinor);
    if (take <= 0) continue;
    allocations.push({ invoiceId: invoice.invoiceId, amountMinor: take });
    left -= take;
  }
  return { allocations, unallocatedMinor: left };
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Minor units as the currency shows them in the studio's locale ("£1,234.50", "¥1,235"; "$52.50"
 * for an Australian studio, "A$52.50" for a US one): the one money format of emails and pages.
 * `country` is the studio's (see localeFor).
 */
export function formatMoney(amountMinor: number, currency: string, country?: string | null): string {
  const locale = localeFor(country, currency);
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(locale, { style: "currency", currency })));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** How many minor units a major unit has in a currency (2 for USD, 0 for JPY, 3 for BHD). */
export const minorDigits = (currency: string) => new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
