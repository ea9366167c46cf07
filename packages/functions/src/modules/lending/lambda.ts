import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { lendingRoutes } from "./routes";

/** The lending Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(lendingRoutes);
