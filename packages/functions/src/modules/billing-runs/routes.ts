import { createRouter } from "../../http/router";
import { billingRunRoutes } from "../../routes/billing-runs";

/**
 * Billing runs: each account's invoice for a period drafted from its fee plans and lessons, reviewed and sent.
 * Deployed as the billing-runs Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const billingRunsRoutes = createRouter().route("/v1/studios", billingRunRoutes);
