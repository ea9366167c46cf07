import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { pageSettingsRoutes } from "./routes";

/** The page-settings Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(pageSettingsRoutes);
