import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { lessonLinksRoutes } from "./routes";

/** The lesson-links Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(lessonLinksRoutes);
