import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { operatorsRoutes } from "./routes";

/** The operators Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(operatorsRoutes);
