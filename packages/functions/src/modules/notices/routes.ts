import { createRouter } from "../../http/router";
import { eventRoutes } from "../../routes/events";
import { myNoticeRoutes } from "../../routes/my-notices";
import { publicEventRoutes } from "../../routes/public-events";

/** The signed-in person's notification centre: the main typed client's part of this module. */
export const myNoticesRoutes = createRouter().route("/v1/me", myNoticeRoutes);

/**
 * Deployed as the notices Lambda (module.ts says why events share it): the notification centre, and
 * the studio's and the public's events, which the site reaches through the events' own typed client
 * (events/routes.ts).
 */
export const noticesRoutes = createRouter().route("/v1/me", myNoticeRoutes).route("/v1/studios", eventRoutes).route("/v1/public", publicEventRoutes);
