import { z } from "@hono/zod-openapi";
import { BillingAccountSchema, LedgerEntrySchema } from "@studiosync/core/billing";

export { BillingAccountSchema };

export const BillingAccountPageSchema = z.object({ items: z.array(BillingAccountSchema), nextCursor: z.string().nullable() }).openapi("BillingAccountPage");

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
