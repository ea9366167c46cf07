import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { payRoutes } from "./routes";

/** The pay Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(payRoutes);
