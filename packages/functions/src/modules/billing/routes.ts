import { createRouter } from "../../http/router";
import { billingAccountRoutes } from "../../routes/billing-accounts";
import { billingRunRoutes } from "../../routes/billing-runs";
import { billingSettingsRoutes } from "../../routes/billing-settings";
import { billingSummaryRoutes } from "../../routes/billing-summary";
import { feePlanRoutes } from "../../routes/fee-plans";
import { invoicePayLinkRoutes } from "../../routes/invoice-pay-links";
import { invoiceRoutes } from "../../routes/invoices";
import { paymentRoutes } from "../../routes/payments";

/**
 * Billing for staff and families: settings, fee plans, billing accounts and ledgers, invoices,
 * payments and refunds, billing runs, and the owner's summary. Deployed as the billing Lambda.
 */
export const billingRoutes = createRouter()
  .route("/v1/studios", billingSettingsRoutes)
  .route("/v1/studios", feePlanRoutes)
  .route("/v1/studios", billingAccountRoutes)
  .route("/v1/studios", billingSummaryRoutes)
  .route("/v1/studios", invoiceRoutes)
  .route("/v1/studios", invoicePayLinkRoutes)
  .route("/v1/studios", paymentRoutes)
  .route("/v1/studios", billingRunRoutes);
