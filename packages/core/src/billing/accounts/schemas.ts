import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { booleanQueryField, recordIdField } from "../../people";
import { ACCOUNT_KINDS } from "./billing-account.entity";

const kindField = z.enum(ACCOUNT_KINDS, { errorMap: () => ({ message: `must be one of ${ACCOUNT_KINDS.join(", ")}` }) });

export const createAccountSchema = z
  .object({
    /** Who is billed: a family, a band or an individual student. */
    kind: kindField,
    /** The family's, band's or student's id: also the account's id. */
    partyId: recordIdField,
  })
  .strict();
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const listAccountsQuerySchema = pageQuerySchema.extend({
  /** Only accounts that owe money (balance above zero). */
  owing: booleanQueryField.optional(),
  kind: kindField.optional(),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuerySchema>;

export const ledgerQuerySchema = pageQuerySchema;
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;
