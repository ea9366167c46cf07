import { createRouter } from "../../http/router";
import { billingAccountRoutes } from "../../routes/billing-accounts";
import { billingSettingsRoutes } from "../../routes/billing-settings";
import { billingSummaryRoutes } from "../../routes/billing-summary";
import { feePlanRoutes } from "../../routes/fee-plans";

/**
 * Billing: settings, fee plans and enrolments, billing accounts and their ledgers, and the owner's summary.
 * Deployed as the billing Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const billingRoutes = createRouter()
  .route("/v1/studios", billingSettingsRoutes)
  .route("/v1/studios", feePlanRoutes)
  .route("/v1/studios", billingAccountRoutes)
  .route("/v1/studios", billingSummaryRoutes);
