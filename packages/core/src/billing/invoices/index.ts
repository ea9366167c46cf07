export { INVOICE_STATUSES, type InvoiceStatus } from "./invoice.entity";
export { balanceDue, issuedStatus, listStateOf, statusFields } from "./invoice-state";
export { toInvoice, toInvoiceSummary, currentStatus, type Invoice, type InvoiceSummary, type InvoiceRecord, type InvoiceLineRecord } from "./invoice-view";
export { InvoiceSchema, InvoiceSummarySchema, SentInvoiceSchema } from "./invoice-schema";
export { signInvoiceToken, readInvoiceToken, mintInvoiceToken, invoiceUrl, INVOICE_LINK_DAYS } from "./invoice-token";
export { createInvoice } from "./create-invoice";
export { sendInvoice, issueAndSendInvoice, type SendOptions, type SentInvoice } from "./send-invoice";
export { getInvoice } from "./get-invoice";
export { invoicePayLink } from "./pay-link";
export { listInvoices } from "./list-invoices";
export { updateDraft, ISSUED_IMMUTABLE } from "./update-draft";
export { deleteDraft } from "./delete-draft";
export { voidInvoice } from "./void-invoice";
export { addCreditNote } from "./add-credit-note";
export { invoiceNumber } from "./commit-invoice";
export {
  createInvoiceSchema,
  updateInvoiceSchema,
  listInvoicesQuerySchema,
  voidInvoiceSchema,
  creditNoteSchema,
  invoiceLineSchema,
  discountSchema,
  INVOICE_LIST_STATUSES,
  MAX_INVOICE_LINES,
  type CreateInvoiceInput,
  type UpdateInvoiceInput,
  type ListInvoicesQuery,
  type VoidInvoiceInput,
  type CreditNoteInput,
  type InvoiceListStatus,
} from "./schemas";
