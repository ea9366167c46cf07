export { getPublicInvoice } from "./get-public-invoice";
export { linkNotFound, openInvoiceLink, type InvoiceLink } from "./open-invoice-link";
export { isPayable, toPublicInvoice, type PublicInvoice } from "./public-invoice-view";
