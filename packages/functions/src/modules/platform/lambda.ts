import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { platformRoutes } from "./routes";

/** The platform Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(platformRoutes);
