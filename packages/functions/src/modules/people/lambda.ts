import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { peopleRoutes } from "./routes";

/** The people Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(peopleRoutes);
