import type { Tone } from "./tone";

/**
 * The Billing section's shared words: its tabs (owners and admins), and statuses, methods and kinds
 * as people read them (never the API's codes).
 */
export type BillingTab = "summary" | "invoices" | "payments" | "accounts" | "fee-plans" | "runs" | "settings";

const TABS: readonly [BillingTab, string, string][] = [
  ["summary", "Summary", ""],
  ["invoices", "Invoices", "/invoices"],
  ["payments", "Payments", "/payments"],
  ["accounts", "Accounts", "/accounts"],
  ["fee-plans", "Fee plans", "/fee-plans"],
  ["runs", "Billing runs", "/runs"],
  ["settings", "Settings", "/settings"],
];

export const billingBase = (base: string) => `${base}/billing`;

export const billingTabs = (base: string, current: BillingTab) =>
  TABS.map(([tab, label, path]) => ({ href: `${billingBase(base)}${path}`, label, current: tab === current }));

export type InvoiceStatus = "draft" | "sent" | "partial" | "paid" | "overdue" | "void";

export const INVOICE_STATUS: Record<InvoiceStatus, { label: string; tone: Tone }> = {
  draft: { label: "Draft", tone: "neutral" },
  sent: { label: "Sent", tone: "info" },
  partial: { label: "Partly paid", tone: "warning" },
  paid: { label: "Paid", tone: "success" },
  overdue: { label: "Overdue", tone: "danger" },
  void: { label: "Void", tone: "neutral" },
};

/** The invoice list's filters (the API's `status`), in the order the tabs show them. */
export const INVOICE_FILTERS = [
  ["", "All"],
  ["draft", "Drafts"],
  ["open", "Open"],
  ["overdue", "Overdue"],
  ["paid", "Paid"],
  ["void", "Void"],
] as const;

export const PAYMENT_METHODS = [
  ["cash", "Cash"],
  ["check", "Cheque"],
  ["bank_transfer", "Bank transfer"],
  ["card", "Card"],
  ["other", "Other"],
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number][0];
export const paymentMethodLabel = (method: string) => PAYMENT_METHODS.find(([m]) => m === method)?.[1] ?? method;

export const PAYMENT_STATUS: Record<string, { label: string; tone: Tone }> = {
  completed: { label: "Received", tone: "success" },
  partially_refunded: { label: "Partly refunded", tone: "warning" },
  refunded: { label: "Refunded", tone: "neutral" },
};

export const ACCOUNT_KINDS: Record<string, string> = { family: "Family", band: "Band", student: "Student" };

export const FEE_PLAN_KINDS = [
  ["per_lesson", "Per lesson"],
  ["monthly", "Monthly"],
  ["term", "Term package"],
] as const;
export const feePlanKindLabel = (kind: string) => FEE_PLAN_KINDS.find(([k]) => k === kind)?.[1] ?? kind;

export const LEDGER_TYPES: Record<string, string> = {
  invoice: "Invoice",
  payment: "Payment",
  refund: "Refund",
  credit_note: "Credit note",
  late_fee: "Late fee",
  void: "Void",
  credit_applied: "Credit applied",
};

export const RUN_STATUS: Record<string, { label: string; tone: Tone }> = {
  drafting: { label: "Drafting", tone: "info" },
  drafted: { label: "Ready to send", tone: "warning" },
  sent: { label: "Sent", tone: "success" },
};

/** Account names by id, from one page of the accounts list (lists name their rows without a call per row). */
export const namesById = (accounts: readonly { id: string; name: string }[]) => new Map(accounts.map((a) => [a.id, a.name]));

/** "INV-000042", or "Draft" for an invoice not sent yet. */
export const invoiceLabel = (invoice: { number: string | null }) => invoice.number ?? "Draft";

/**
 * Who an invoice can be made out to: every billing account, plus families and students without a
 * family that have none yet (the API opens their account with the invoice). Values are
 * `account:<id>`, `family:<id>` or `student:<id>`.
 */
export function billToOptions(
  accounts: readonly { id: string; name: string; kind: string }[],
  families: readonly { id: string; name: string }[],
  students: readonly { id: string; firstName: string; lastName: string; familyId?: string | null }[],
) {
  const opened = new Set(accounts.map((a) => a.id));
  return [
    ...accounts.map((a) => ({ value: `account:${a.id}`, label: `${a.name} (${ACCOUNT_KINDS[a.kind] ?? a.kind})` })),
    ...families.filter((f) => !opened.has(f.id)).map((f) => ({ value: `family:${f.id}`, label: `${f.name} (Family)` })),
    ...students.filter((s) => !s.familyId && !opened.has(s.id)).map((s) => ({ value: `student:${s.id}`, label: `${s.firstName} ${s.lastName} (Student)` })),
  ].sort((a, b) => a.label.localeCompare(b.label));
}

/** A bill-to choice → the API's `accountId` or `account` of a new invoice. */
export function billTo(choice: string): { accountId: string } | { account: { kind: "family" | "student"; partyId: string } } | undefined {
  const [kind, id] = choice.split(":");
  if (!id) return undefined;
  if (kind === "account") return { accountId: id };
  if (kind === "family" || kind === "student") return { account: { kind, partyId: id } };
  return undefined;
}

/** A billing run's period in words: "December 2026" for a whole month, else "Mon 1 Dec 2026 – …". */
export function runPeriod(run: { periodStart: string; periodEnd: string }, format: { month(m: string): string; localDate(d: string): string }): string {
  const wholeMonth =
    run.periodStart.endsWith("-01") &&
    run.periodStart.slice(0, 7) === run.periodEnd.slice(0, 7) &&
    new Date(`${run.periodEnd}T00:00:00Z`).getUTCDate() ===
      new Date(Date.UTC(Number(run.periodEnd.slice(0, 4)), Number(run.periodEnd.slice(5, 7)), 0)).getUTCDate();
  return wholeMonth ? format.month(run.periodStart) : `${format.localDate(run.periodStart)} – ${format.localDate(run.periodEnd)}`;
}
