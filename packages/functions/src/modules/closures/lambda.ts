import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { closuresRoutes } from "./routes";

/** The closures Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(closuresRoutes);
