import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();
const minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} (integer minor units: cents, pence)` });

/** A payment as the API shows it: what came in, where it went, and what was given back (payment-view.ts maps a record to it). */
export const PaymentSchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    accountId: z.string().openapi({ description: "The billing account that paid" }),
    amountMinor: minor("Money received"),
    currency: z.string().openapi({ example: "USD" }),
    method: z.enum(["cash", "check", "bank_transfer", "card", "other"]),
    source: z.enum(["manual", "stripe"]).openapi({ description: "Recorded by staff, or by the Stripe webhook after a Checkout payment" }),
    status: z.enum(["completed", "partially_refunded", "refunded"]),
    receivedAt: z.string().openapi({ description: "When the money was received" }),
    reference: nullable.openapi({ description: "Check number, bank reference, …" }),
    notes: nullable,
    allocations: z
      .array(z.object({ invoiceId: z.string(), amountMinor: minor("Paid on this invoice") }))
      .openapi({ description: "Where the money went (after any refunds): the chosen invoice first, then open invoices oldest due first" }),
    unallocatedMinor: minor("The part kept as account credit (applied to the next invoice sent)"),
    refundedMinor: minor("Refunded so far"),
    refundableMinor: minor("What is left to refund"),
    refunds: z.array(
      z.object({
        id: z.string(),
        amountMinor: minor("Refunded"),
        reason: z.string(),
        at: z.string(),
        actorId: z.string(),
        stripeRefundId: z.string().nullable().openapi({ description: "The refund at Stripe, for a card payment: the money went back to the card" }),
      }),
    ),
    stripePaymentIntentId: nullable,
    recordedBy: nullable.openapi({ description: "The staff member who recorded it; null for Stripe payments" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Payment");
export type Payment = z.infer<typeof PaymentSchema>;
