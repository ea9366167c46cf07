import { z } from "../../kernel/schema/openapi-zod";

/**
 * A billing account as the API shows it: what it owes (`balanceMinor`, negative = in credit)
 * and the money it holds unallocated (`creditMinor`), in the studio currency's minor units
 * (account-view.ts maps a record to it).
 */
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

export type BillingAccount = z.infer<typeof BillingAccountSchema>;

/** One ledger entry: a signed change to the balance (positive = owes more) and the balance after it. */
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
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
