import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { coursesRoutes } from "./routes";

/** The courses Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(coursesRoutes);
