import { createRouter } from "../http/router";

export const rescheduleRequestRoutes = createRouter();
