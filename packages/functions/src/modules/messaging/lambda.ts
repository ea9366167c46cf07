import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { messagingRoutes } from "./routes";

/** The messaging Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(messagingRoutes);
