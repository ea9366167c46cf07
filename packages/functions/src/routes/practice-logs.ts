import { createRouter } from "../http/router";

export const practiceLogRoutes = createRouter();
