import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { resourcesRoutes } from "./routes";

/** The resources Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(resourcesRoutes);
