import { createRouter } from "../../http/router";
import { eventRoutes } from "../../routes/events";
import { publicEventRoutes } from "../../routes/public-events";

/**
 * Every events operation, for the events' typed client (web/src/lib/api.ts `eventsApi`); the
 * notices Lambda serves them (notices/module.ts says why), and this router is not mounted itself.
 */
export const eventsRoutes = createRouter().route("/v1/studios", eventRoutes).route("/v1/public", publicEventRoutes);
