import { createRouter } from "../http/router";

export const publicInvitationRoutes = createRouter();
