import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { paymentsRoutes } from "./routes";

/** The payments Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(paymentsRoutes);
