import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { planningRoutes } from "./routes";

/** The planning Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(planningRoutes);
