import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();
const minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} (minor units: cents, pence)` });
const STATUSES = ["draft", "sent", "partial", "paid", "overdue", "void"] as const;

/**
 * An invoice's numbers, status and dates, without its lines, payments or history: what lists
 * show, and all a teacher sees of their students' billing (invoice-view.ts maps a record to it).
 */
export const InvoiceSummarySchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    accountId: z.string().openapi({ description: "The billing account: the family's, band's or student's id" }),
    number: nullable.openapi({ description: "Gapless per studio, given when the invoice is sent; null for a draft", example: "INV-000042" }),
    status: z.enum(STATUSES).openapi({ description: "As of today in the studio's time zone: an open invoice past its due date is overdue" }),
    currency: z.string().openapi({ example: "USD" }),
    issueDate: z.string().openapi({ description: "Local date; a draft's is the date it would be issued with", example: "2026-12-01" }),
    dueDate: z.string().openapi({ example: "2026-12-15" }),
    periodStart: nullable.openapi({ description: "The billing period of a billing run's invoice" }),
    periodEnd: nullable,
    subtotalMinor: minor("Σ quantity × unit price"),
    discountMinor: minor("The discount taken off the subtotal"),
    taxMinor: minor("Tax on subtotal − discount, rounded half up once per invoice"),
    totalMinor: minor("subtotal − discount + tax"),
    lateFeeMinor: minor("A late fee added by dunning"),
    balanceDueMinor: minor("What is still owed: total + late fee − paid − credited (a draft: its total; void: 0)"),
    billingRunId: nullable,
    sentAt: nullable,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("InvoiceSummary");

export type InvoiceSummary = z.infer<typeof InvoiceSummarySchema>;

export const InvoiceLineSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["lesson", "late_cancellation", "monthly_plan", "term_package", "charge", "custom"]),
    description: z.string().openapi({ example: "Piano lesson with Clara Weiss — Tue 3 Dec 16:00 (30 min)" }),
    quantity: z.number().int(),
    unitPriceMinor: minor("Price of one"),
    totalMinor: minor("quantity × unit price"),
    lessonId: nullable,
    studentId: nullable,
    feePlanId: nullable,
  })
  .openapi("InvoiceLine");

/** An invoice in full, as staff and the account's own family or student see it. */
export const InvoiceSchema = InvoiceSummarySchema.extend({
  lines: z.array(InvoiceLineSchema),
  discount: z
    .object({
      kind: z.enum(["percent", "fixed"]),
      value: z.number().int().openapi({ description: "percent: thousandths of a percent (12.5 % = 12500); fixed: minor units" }),
      description: nullable,
    })
    .nullable(),
  taxRateMillipercent: z.number().int().openapi({ description: "Thousandths of a percent (8.875 % = 8875)", example: 20000 }),
  taxName: z.string().openapi({ example: "VAT" }),
  amountPaidMinor: minor("Payments and account credit allocated to it"),
  creditedMinor: minor("Credit notes against it"),
  notes: nullable,
  replacesInvoiceId: nullable.openapi({ description: "The void invoice this one reissues" }),
  replacedByInvoiceId: nullable.openapi({ description: "The draft that reissues this void invoice" }),
  voidedAt: nullable,
  voidReason: nullable,
  history: z.array(
    z.object({
      at: z.string(),
      event: z.string().openapi({ example: "sent" }),
      detail: z.string().openapi({ example: "Issued as INV-000042 and emailed to maria@example.com" }),
      actorId: nullable,
    }),
  ),
}).openapi("Invoice");

export type Invoice = z.infer<typeof InvoiceSchema>;

/** An invoice just sent, with the addresses the email went to. */
export const SentInvoiceSchema = InvoiceSchema.extend({
  emailedTo: z.array(z.string()).openapi({ description: "The billing contacts emailed a summary and the link to the invoice page" }),
}).openapi("SentInvoice");
export type SentInvoice = z.infer<typeof SentInvoiceSchema>;
