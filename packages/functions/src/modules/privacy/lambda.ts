import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { privacyModuleRoutes } from "./routes";

/** The privacy Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(privacyModuleRoutes);
