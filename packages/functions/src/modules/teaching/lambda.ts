import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { teachingRoutes } from "./routes";

/** The teaching Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(teachingRoutes);
