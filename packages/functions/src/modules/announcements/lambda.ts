import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { announcementsRoutes } from "./routes";

/** The announcements Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(announcementsRoutes);
