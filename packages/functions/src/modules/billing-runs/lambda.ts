import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { billingRunsRoutes } from "./routes";

/** The billing-runs Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(billingRunsRoutes);
