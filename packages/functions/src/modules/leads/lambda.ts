import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { leadsRoutes } from "./routes";

/** The leads Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(leadsRoutes);
