import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { schedulingRoutes } from "./routes";

/** The scheduling Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(schedulingRoutes);
