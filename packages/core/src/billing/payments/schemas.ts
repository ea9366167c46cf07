import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { instantField } from "../../scheduling";
import { MAX_AMOUNT_MINOR } from "../money";
import { PAYMENT_METHODS } from "./payment.entity";

/** A positive amount of money in minor units (cents, pence), at most MAX_AMOUNT_MINOR. */
export const positiveAmountField = z
  .number({ required_error: "is required", invalid_type_error: "must be a number" })
  .int("must be a whole number of minor units")
  .min(1, "must be at least 1")
  .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);

export const recordPaymentSchema = z
  .object({
    /** The billing account that paid (its id is the family's, band's or student's id). */
    accountId: recordIdField,
    amountMinor: positiveAmountField,
    method: z.enum(PAYMENT_METHODS, { errorMap: () => ({ message: `must be one of ${PAYMENT_METHODS.join(", ")}` }) }),
    /** The invoice the money is for: paid first; the rest goes to the account's other open invoices, oldest due first. */
    invoiceId: recordIdField.optional(),
    /** When the money was received; now by default. Not in the future. */
    receivedAt: instantField.optional(),
    /** Cheque number, bank reference, … */
    reference: text(120).optional(),
    notes: text(1000).optional(),
  })
  .strict();
export type RecordPaymentRequest = z.infer<typeof recordPaymentSchema>;

export const refundPaymentSchema = z
  .object({
    amountMinor: positiveAmountField,
    reason: z
      .string({ required_error: "is required", invalid_type_error: "must be text" })
      .trim()
      .min(1, "must not be empty")
      .max(500, "must be at most 500 characters"),
  })
  .strict();
export type RefundPaymentRequest = z.infer<typeof refundPaymentSchema>;

export const listPaymentsQuerySchema = pageQuerySchema.extend({
  /** One account's payments (admins: optional; parents and students: their own account by default). */
  accountId: recordIdField.optional(),
});
export type ListPaymentsQuery = z.infer<typeof listPaymentsQuerySchema>;
