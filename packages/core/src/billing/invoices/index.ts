export { INVOICE_STATUSES, type InvoiceStatus } from "./invoice.entity";
export { balanceDue, issuedStatus, listStateOf, statusFields } from "./invoice-state";
