import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { hostingRoutes } from "./routes";

/** The hosting Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(hostingRoutes);
