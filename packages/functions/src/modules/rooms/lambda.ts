import "../../bound-env";
import { lambdaHandler } from "../lambda-handler";
import { roomsRoutes } from "./routes";

/** The rooms Lambda: only this module's routes, so its bundle carries no other module's code. */
export const handler = lambdaHandler(roomsRoutes);
