import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { billingRoutes } from "./routes";

/** The billing Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(billingRoutes);
