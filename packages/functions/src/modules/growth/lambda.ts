import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { growthRoutes } from "./routes";

/** The growth Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(growthRoutes);
