import { createRouter } from "../http/router";

export const invitationRoutes = createRouter();
