import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { classesRoutes } from "./routes";

/** The classes Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(classesRoutes);
