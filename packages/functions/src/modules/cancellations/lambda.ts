import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { cancellationsRoutes } from "./routes";

/** The cancellations Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(cancellationsRoutes);
