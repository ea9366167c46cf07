import { createRouter } from "../http/router";

export const auditEventRoutes = createRouter();
