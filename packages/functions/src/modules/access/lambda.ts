import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { accessRoutes } from "./routes";

/** The access Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(accessRoutes);
