import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { noticesRoutes } from "./routes";

/** The notices Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(noticesRoutes);
