import { z } from "zod";
import { localDateField } from "../../kernel/fields/calendar-fields";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { itemConditionField, MAX_QUANTITY, moneyField } from "../items/schemas";

const booleanField = z.boolean({ invalid_type_error: "must be true or false" });
const quantityField = z
  .number({ invalid_type_error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);

/** What lending an item sets (defaults: the item's deposit and fee, and its longest loan). */
const lendTerms = {
  /** Local date it is due back (studio time zone). */
  dueDate: localDateField,
  depositMinor: moneyField,
  rentalFeeMinor: moneyField,
};

export const requestLoanSchema = z
  .object({
    itemId: recordIdField,
    studentId: recordIdField,
    quantity: quantityField,
    note: text(1000),
    /** Owners and admins: lend it at once (no request to approve). */
    lendNow: booleanField,
    ...lendTerms,
  })
  .partial()
  .required({ itemId: true, studentId: true })
  .strict();
export type RequestLoanInput = z.infer<typeof requestLoanSchema>;

export const approveLoanSchema = z.object(lendTerms).partial().strict();
export type ApproveLoanInput = z.infer<typeof approveLoanSchema>;

export const closeLoanSchema = z
  .object({ reason: text(500) })
  .partial()
  .strict();
export type CloseLoanInput = z.infer<typeof closeLoanSchema>;

export const returnLoanSchema = z
  .object({
    /** The item's condition as it came back. */
    condition: itemConditionField,
    notes: text(1000),
    /** Local date it came back (default: the studio's today). */
    returnedOn: localDateField,
    /** Of the deposit, what the studio keeps (damage); the rest is credited back. Default 0. */
    depositKeptMinor: moneyField,
  })
  .partial()
  .required({ condition: true })
  .strict();
export type ReturnLoanInput = z.infer<typeof returnLoanSchema>;

export const LOAN_LIST_STATES = ["requested", "out", "overdue"] as const;

/** Exactly one of: a student's loans, an item's loans (staff), or the studio's open loans in a state (admins). */
export const listLoansQuerySchema = pageQuerySchema
  .extend({
    studentId: recordIdField.optional(),
    familyId: recordIdField.optional(),
    itemId: recordIdField.optional(),
    state: z.enum(LOAN_LIST_STATES, { errorMap: () => ({ message: `must be one of ${LOAN_LIST_STATES.join(", ")}` }) }).optional(),
  })
  .superRefine((query, ctx) => {
    const given = [query.studentId, query.familyId, query.itemId, query.state].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: "custom", path: ["studentId"], message: "give exactly one of studentId, familyId, itemId or state" });
    if (query.familyId !== undefined && query.cursor !== undefined)
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "a family's loans come in one page (the newest `limit`); there is no next page" });
  });
export type ListLoansQuery = z.infer<typeof listLoansQuerySchema>;
