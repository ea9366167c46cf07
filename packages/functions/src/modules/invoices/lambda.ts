import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { invoicesRoutes } from "./routes";

/** The invoices Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(invoicesRoutes);
