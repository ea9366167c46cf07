import { z } from "@hono/zod-openapi";

/** The studio's side of platform billing (core/platform-billing): its invoices, its card, its cap. */
const UsageLineSchema = z.object({
  metric: z.string(),
  description: z.string(),
  used: z.number(),
  included: z.number(),
  billable: z.number(),
  unitPriceMinor: z.number().int(),
  per: z.number().int(),
  amountMinor: z.number().int(),
});

export const PlatformInvoiceSchema = z
  .object({
    id: z.string().openapi({ description: "The month it bills, YYYY-MM in the studio's zone" }),
    number: z.string(),
    month: z.string(),
    status: z.enum(["open", "paid"]),
    currency: z.string(),
    totalMinor: z.number().int(),
    priceVersion: z.string(),
    price: z.record(z.unknown()).openapi({ description: "The platform price in force for the month, as priced" }),
    usage: z.object({ activeStudents: z.number().int(), lessonsHeld: z.number().int(), emailsSent: z.number().int(), storageGbMonths: z.number() }),
    lines: z.array(UsageLineSchema),
    issuedOn: z.string(),
    graceEndsOn: z.string().openapi({ description: "Still unpaid after this day, the studio's workspace becomes read-only" }),
    nextChargeOn: z.string().nullable(),
    paidAt: z.string().nullable(),
    paidWith: z.string().nullable(),
    attempts: z.array(z.object({ at: z.string(), outcome: z.string(), message: z.string().nullable(), card: z.string().nullable() })),
  })
  .openapi("PlatformInvoice");

export const PlatformInvoiceListSchema = z.object({ items: z.array(PlatformInvoiceSchema) }).openapi("PlatformInvoiceList");

export const SavedCardSchema = z
  .object({ id: z.string(), brand: z.string(), last4: z.string(), expMonth: z.number().int(), expYear: z.number().int(), savedAt: z.string() })
  .openapi("SavedCard");

export const SavedCardListSchema = z.object({ items: z.array(SavedCardSchema) }).openapi("SavedCardList");

export const CardSetupSchema = z.object({ url: z.string().openapi({ description: "Stripe's page where the owner enters the card" }) }).openapi("CardSetup");

export const CardSavedSchema = z
  .object({
    card: SavedCardSchema.nullable(),
    charged: z.array(z.object({ month: z.string(), outcome: z.enum(["paid", "declined", "no_card", "error", "skipped"]) })).openapi({
      description: "The open invoices charged to the new card at once",
    }),
  })
  .openapi("CardSaved");

export const SpendingCapSchema = z
  .object({ capMinor: z.number().int().nullable(), alertedMonth: z.string().nullable(), alertedLevel: z.number().int().nullable() })
  .openapi("SpendingCap");
