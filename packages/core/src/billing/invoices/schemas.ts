import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { localDateField } from "../../scheduling";
import { ACCOUNT_KINDS } from "../accounts/billing-account.entity";
import { FULL_PERCENT, MAX_AMOUNT_MINOR } from "../money";

/**
 * The most lines of a hand-made invoice. Every line may hold a billed-item marker, and deleting,
 * voiding or reissuing an invoice moves them with it in one transaction (at most 100 items).
 */
export const MAX_INVOICE_LINES = 80;
export const MAX_LINE_QUANTITY = 10_000;

const requiredReason = (max: number) =>
  z
    .string({ required_error: "is required", invalid_type_error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

const wholeNumber = (what: string) => z.number({ required_error: "is required", invalid_type_error: "must be a number" }).int(`must be a whole number${what}`);

export const invoiceLineSchema = z
  .object({
    /** Keep a line of this draft (a billing run's line keeps its lesson or plan link and billed marker); omit for a new line. */
    lineId: recordIdField.optional(),
    description: z
      .string({ required_error: "is required", invalid_type_error: "must be text" })
      .trim()
      .min(1, "must not be empty")
      .max(300, "must be at most 300 characters"),
    quantity: wholeNumber("").min(1, "must be at least 1").max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`),
    /** Minor units; negative for a credit line. */
    unitPriceMinor: wholeNumber(" of minor units")
      .min(-MAX_AMOUNT_MINOR, `must be at least -${MAX_AMOUNT_MINOR}`)
      .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`),
    /** The lesson this line bills: the lesson is then marked billed for the student, so no run bills it again. */
    lessonId: recordIdField.optional(),
    /** The lesson's student the line is for (required when the lesson has several students). */
    studentId: recordIdField.optional(),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.studentId && !line.lessonId) ctx.addIssue({ code: "custom", path: ["studentId"], message: "is only allowed with lessonId" });
  });
export type InvoiceLineInput = z.infer<typeof invoiceLineSchema>;

const linesField = z
  .array(invoiceLineSchema, { required_error: "is required", invalid_type_error: "must be a list of lines" })
  .min(1, "must have at least one line")
  .max(MAX_INVOICE_LINES, `must have at most ${MAX_INVOICE_LINES} lines`);

export const discountSchema = z
  .object({
    kind: z.enum(["percent", "fixed"], { errorMap: () => ({ message: "must be percent or fixed" }) }),
    /** percent: thousandths of a percent (12.5 % = 12500, at most 100000); fixed: minor units. */
    value: wholeNumber("").min(0, "must not be negative"),
    description: text(120).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const max = d.kind === "percent" ? FULL_PERCENT : MAX_AMOUNT_MINOR;
    if (d.value > max) ctx.addIssue({ code: "custom", path: ["value"], message: `must be at most ${max}` });
  });
export type DiscountInput = z.infer<typeof discountSchema>;

const notesField = text(2000);

export const createInvoiceSchema = z
  .object({
    /** An existing billing account. */
    accountId: recordIdField.optional(),
    /** Or the party to bill: its account is opened when it has none yet. */
    account: z
      .object({
        kind: z.enum(ACCOUNT_KINDS, { errorMap: () => ({ message: `must be one of ${ACCOUNT_KINDS.join(", ")}` }) }),
        partyId: recordIdField,
      })
      .strict()
      .optional(),
    lines: linesField,
    discount: discountSchema.optional(),
    notes: notesField.optional(),
    /** Local due date; by default the issue date plus the studio's payment terms, set when the invoice is sent. */
    dueDate: localDateField.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.accountId === !value.account) ctx.addIssue({ code: "custom", path: ["accountId"], message: "give either accountId or account" });
  });
export type CreateInvoiceInput = z.infer<typeof createInvoiceSchema>;

export const updateInvoiceSchema = z
  .object({
    /** The draft's lines, replacing all of them (give `lineId` to keep an existing line's link). */
    lines: linesField.optional(),
    discount: discountSchema.nullable().optional(),
    notes: notesField.nullable().optional(),
    /** null: back to the issue date plus the payment terms. */
    dueDate: localDateField.nullable().optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "give at least one field to change" });
export type UpdateInvoiceInput = z.infer<typeof updateInvoiceSchema>;

export const INVOICE_LIST_STATUSES = ["draft", "open", "overdue", "paid", "void"] as const;
export type InvoiceListStatus = (typeof INVOICE_LIST_STATUSES)[number];

export const listInvoicesQuerySchema = pageQuerySchema.extend({
  /** One account's invoices, newest first. Parents and students see their own account's by default. */
  accountId: recordIdField.optional(),
  /** draft; open (sent, partly paid or overdue); overdue (open and past due); paid; void. */
  status: z.enum(INVOICE_LIST_STATUSES, { errorMap: () => ({ message: `must be one of ${INVOICE_LIST_STATUSES.join(", ")}` }) }).optional(),
});
export type ListInvoicesQuery = z.infer<typeof listInvoicesQuerySchema>;

export const voidInvoiceSchema = z
  .object({
    reason: requiredReason(500),
    /** Also open a new draft with the same lines (its billed lessons and plans move to it), to correct and send. */
    reissue: z.boolean({ invalid_type_error: "must be true or false" }).optional(),
  })
  .strict();
export type VoidInvoiceInput = z.infer<typeof voidInvoiceSchema>;

export const creditNoteSchema = z
  .object({
    amountMinor: wholeNumber(" of minor units").min(1, "must be at least 1").max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`),
    reason: requiredReason(500),
  })
  .strict();
export type CreditNoteInput = z.infer<typeof creditNoteSchema>;
