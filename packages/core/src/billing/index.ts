/** Billing: accounts and ledgers, invoices, payments, fee plans, billing runs, dunning (paying by link and Stripe: pay.ts). */
export * from "./settings/index";
export * from "./fee-plans/index";
export * from "./accounts/index";
export * from "./invoices/index";
export * from "./payments/index";
export * from "./runs/index";
export * from "./charges/index";
export * from "./dunning/index";
export * from "./reports/index";
export { runAutopay, chargeAutopay, type AutopayOutcome } from "./autopay/index";
export { billingDb, type BillingTx } from "./billing-db";
export * as Money from "./money";
export * from "./pay";
export { openSecret, sealSecret } from "./stripe/secret-box";
export { getPublicInvoice } from "./public/get-public-invoice";
export { PublicInvoiceSchema } from "./public/public-invoice-schema";
export { createCheckoutSession, stripeApiBase, stripeRequest, StripeRequestError } from "./stripe";
export { formatMoney } from "./money";
