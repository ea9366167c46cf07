import { createRouter } from "../../http/router";
import { paymentRoutes } from "../../routes/payments";

/**
 * Payments: money recorded against invoices, and refunds.
 * Deployed as the payments Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const paymentsRoutes = createRouter().route("/v1/studios", paymentRoutes);
