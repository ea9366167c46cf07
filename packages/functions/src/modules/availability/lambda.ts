import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { availabilityModuleRoutes } from "./routes";

/** The availability Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(availabilityModuleRoutes);
