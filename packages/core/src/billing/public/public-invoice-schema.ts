import { z } from "../../kernel/schema/openapi-zod";
import { PublicStudioSchema } from "../../studios";

const minor = (description?: string) =>
  z
    .number()
    .int()
    .openapi(description ? { description } : {});

/** One line of the invoice as its public link shows it: no ids, no lesson or plan behind it. */
export const PublicInvoiceLineSchema = z
  .object({
    description: z.string().openapi({ example: "Piano lesson with Clara Weiss — Tue 3 Dec 16:00 (30 min)" }),
    quantity: z.number().int(),
    unitPriceMinor: minor(),
    totalMinor: minor(),
  })
  .openapi("PublicInvoiceLine");

/** The invoice as its public link shows it (public-invoice-view.ts builds it). */
export const PublicInvoiceSchema = z
  .object({
    number: z.string().openapi({ example: "INV-000042" }),
    status: z.enum(["sent", "partial", "paid", "overdue", "void"]).openapi({ description: "As of the studio's local today" }),
    currency: z.string().openapi({ example: "GBP" }),
    issueDate: z.string().openapi({ example: "2026-12-01" }),
    dueDate: z.string().openapi({ example: "2026-12-15" }),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    billedTo: z.string().nullable().openapi({ description: "The billing account's name", example: "The Okafor family" }),
    lines: z.array(PublicInvoiceLineSchema),
    subtotalMinor: minor(),
    discountMinor: minor(),
    discountDescription: z.string().nullable(),
    taxName: z.string().openapi({ example: "VAT" }),
    taxRateMillipercent: z.number().int().openapi({ description: "20 % = 20000" }),
    taxMinor: minor(),
    totalMinor: minor(),
    lateFeeMinor: minor(),
    amountPaidMinor: minor("Paid so far (including account credit applied)"),
    creditedMinor: minor("Credit notes"),
    balanceDueMinor: minor("Still owed; 0 when paid or void"),
    notes: z.string().nullable(),
    footer: z.string().nullable().openapi({ description: "The studio's invoice footer" }),
    studio: PublicStudioSchema.omit({ description: true }).openapi("PublicInvoiceStudio"),
    payment: z
      .object({
        stripe: z.boolean().openapi({ description: "Card payment (Stripe Checkout) is offered: the studio set up Stripe and something is owed" }),
        instructions: z.string().nullable().openapi({ description: "The studio's instructions for paying another way (bank transfer, cheque)" }),
        autopay: z
          .object({ card: z.string().openapi({ example: "Visa •••• 4242" }) })
          .nullable()
          .openapi({
            description: "The card saved for automatic payments: the account's invoices are charged to it on their due dates",
          }),
        canSaveCard: z.boolean().openapi({ description: "A card can be saved from this page for automatic payments (the studio takes cards)" }),
      })
      .openapi("PublicInvoicePayment"),
    linkExpiresAt: z.string().openapi({ description: "When this link stops working" }),
  })
  .openapi("PublicInvoice");
export type PublicInvoice = z.infer<typeof PublicInvoiceSchema>;
