import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { homeRoutes } from "./routes";

/** The home Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(homeRoutes);
