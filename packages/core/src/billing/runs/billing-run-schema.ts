import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();
const minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} (minor units: cents, pence)` });

/** A billing run as the API shows it (money in the studio currency's minor units; billing-run-view.ts maps a record to it). */
export const BillingRunSchema = z
  .object({
    id: z.string().openapi({ description: "The period itself: `<periodStart>_<periodEnd>`", example: "2026-12-01_2026-12-31" }),
    studioId: z.string(),
    periodStart: z.string().openapi({ description: "First local date billed (studio time zone)", example: "2026-12-01" }),
    periodEnd: z.string().openapi({ description: "Last local date billed, inclusive", example: "2026-12-31" }),
    trigger: z.enum(["manual", "schedule"]).openapi({ description: "How the run was first started" }),
    status: z.enum(["drafting", "drafted", "sent"]).openapi({ description: "sent: none of its invoices is a draft any more" }),
    currency: z.string().openapi({ example: "USD" }),
    invoiceCount: z.number().int().openapi({ description: "Invoices the run drafted (one per billing account per run)" }),
    accountCount: z.number().int(),
    totalMinor: minor("What the run's invoices came to when drafted"),
    skipped: z
      .array(
        z.object({
          lessonId: nullable,
          studentId: nullable,
          reason: z.string().openapi({ example: "cancelled: make-up credit issued" }),
        }),
      )
      .openapi({
        description:
          "What the last execution did not bill, and why: cancelled with a make-up credit, cancelled by the studio, covered by a " +
          "monthly plan or term package, no rate. Beyond 200 entries, one entry per reason with a count.",
      }),
    runCount: z.number().int().openapi({ description: "How many times the period was run" }),
    startedBy: nullable.openapi({ description: "The user who first ran it, or job:billing-run" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("BillingRun");

export type BillingRun = z.infer<typeof BillingRunSchema>;

/** One of a run's invoices, for reviewing the drafts before sending. */
export const BillingRunInvoiceSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    accountName: nullable.openapi({ example: "The Weiss family" }),
    status: z
      .enum(["draft", "sent", "partial", "paid", "overdue", "void"])
      .openapi({ description: "As of today in the studio's time zone: an open invoice past its due date is overdue" }),
    number: nullable.openapi({ description: "Null while a draft", example: "INV-000042" }),
    issueDate: z.string(),
    dueDate: z.string(),
    lineCount: z.number().int(),
    subtotalMinor: minor("Σ quantity × unit price"),
    discountMinor: minor("Discount"),
    taxMinor: minor("Tax at the studio's rate, rounded half up once per invoice"),
    totalMinor: minor("subtotal − discount + tax"),
    balanceDueMinor: minor("Still owed"),
  })
  .openapi("BillingRunInvoice");

export type BillingRunInvoice = z.infer<typeof BillingRunInvoiceSchema>;

/** A run just started, with what this request did (running a period again adds only what is new). */
export const BillingRunStartedSchema = BillingRunSchema.extend({
  execution: z
    .object({
      invoicesCreated: z.number().int(),
      invoicesExtended: z.number().int().openapi({ description: "The run's drafts that got new lines (running the period again)" }),
      linesAdded: z.number().int(),
      amountMinor: minor("What this request added to the run's invoices"),
      alreadyBilled: z.number().int().openapi({ description: "Lessons and plan charges of the period already on an invoice: not billed again" }),
      skippedCount: z.number().int(),
      failed: z
        .array(z.object({ accountId: z.string(), error: z.string() }))
        .openapi({ description: "Accounts whose draft could not be written; run the period again" }),
    })
    .openapi({ description: "What this request did" }),
}).openapi("BillingRunStarted");

export type BillingRunStarted = z.infer<typeof BillingRunStartedSchema>;

export const BillingRunDetailSchema = BillingRunSchema.extend({ invoices: z.array(BillingRunInvoiceSchema) }).openapi("BillingRunDetail");

export type BillingRunWithInvoices = z.infer<typeof BillingRunDetailSchema>;

/** A run after sending its drafts. */
export const BillingRunSentSchema = BillingRunSchema.extend({
  sent: z.array(z.object({ invoiceId: z.string(), number: z.string(), emailedTo: z.array(z.string()) })),
  failed: z
    .array(z.object({ invoiceId: z.string(), error: z.string() }))
    .openapi({ description: "Drafts that could not be sent (e.g. a due date set in the past); the rest were sent" }),
  remaining: z.number().int().openapi({ description: "Drafts left for lack of time in this request: send again to go on" }),
}).openapi("BillingRunSent");
export type BillingRunSent = z.infer<typeof BillingRunSentSchema>;
