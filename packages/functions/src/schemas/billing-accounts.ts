import { z } from "@hono/zod-openapi";

export const BillingAccountSchema = z
  .object({
    id: z.string().openapi({ description: "The family's, band's or student's id" }),
    studioId: z.string(),
    kind: z.enum(["family", "band", "student"]),
    name: z.string().openapi({ example: "The Weiss family" }),
    balanceMinor: z
      .number()
      .int()
      .openapi({ description: "What the account owes, minor units; negative = in credit. Always the sum of its ledger", example: 4500 }),
    creditMinor: z.number().int().openapi({ description: "Money received and not allocated to an invoice; applied to the next invoice sent" }),
    currency: z.string().openapi({ example: "GBP" }),
    access: z.enum(["full", "summary"]).openapi({ description: "summary: a teacher's view of a student's billing (totals and statuses only)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("BillingAccount");

export const BillingAccountPageSchema = z.object({ items: z.array(BillingAccountSchema), nextCursor: z.string().nullable() }).openapi("BillingAccountPage");

export const LedgerEntrySchema = z
  .object({
    id: z.string(),
    type: z.enum(["invoice", "payment", "refund", "credit_note", "late_fee", "void", "credit_applied"]),
    amountMinor: z.number().int().openapi({ description: "Signed: positive = the account owes more; 0 when credit moved onto an invoice" }),
    balanceAfterMinor: z.number().int(),
    creditAfterMinor: z.number().int().openapi({ description: "Unallocated credit after the entry" }),
    description: z.string().openapi({ example: "Invoice INV-000042" }),
    invoiceId: z.string().nullable(),
    paymentId: z.string().nullable(),
    at: z.string(),
  })
  .openapi("LedgerEntry");

export const LedgerPageSchema = z.object({ items: z.array(LedgerEntrySchema), nextCursor: z.string().nullable(), currency: z.string() }).openapi("LedgerPage");

export const BillingSummarySchema = z
  .object({
    currency: z.string(),
    asOf: z.string().openapi({ description: "The studio's local date the figures are for", example: "2027-03-14" }),
    outstandingMinor: z.number().int().openapi({ description: "What accounts owe: the sum of balances above zero" }),
    owingAccountCount: z.number().int(),
    creditHeldMinor: z.number().int().openapi({ description: "Money received and not yet allocated to any invoice" }),
    overdueMinor: z.number().int().openapi({ description: "Balance due on open invoices past their due date" }),
    overdueCount: z.number().int(),
    aging: z
      .array(
        z.object({
          fromDays: z.number().int().openapi({ example: 31 }),
          toDays: z.number().int().nullable().openapi({ description: "Inclusive; null: no upper bound (90+)", example: 60 }),
          balanceDueMinor: z.number().int(),
          invoiceCount: z.number().int(),
        }),
      )
      .openapi({ description: "Open invoices' balance due by days past their due date: 0–30 (not yet due counts as 0), 31–60, 61–90, 90+" }),
    revenueByMonth: z
      .array(
        z.object({
          month: z.string().openapi({ example: "2027-03" }),
          receivedMinor: z.number().int(),
          refundedMinor: z.number().int(),
          netMinor: z.number().int(),
          paymentCount: z.number().int(),
        }),
      )
      .openapi({ description: "The last 12 local months, oldest first, by the month the money moved" }),
  })
  .openapi("BillingSummary");
