import { createRouter } from "../../http/router";
import { choicesRoutes } from "../../routes/choices";
import { portalRoutes } from "../../routes/portal";
import { todayRoutes } from "../../routes/today";

/**
 * Home: the workspace's Today page and the portal's Home (core workspace and portal), each a read
 * across lessons, requests and money, and the workspace's choices (what the booking form, the
 * calendar's filters and a file's sharing choose from, in one read). Deployed as the home Lambda
 * (routing.ts lists its paths).
 */
export const homeRoutes = createRouter().route("/v1/studios", todayRoutes).route("/v1/studios", portalRoutes).route("/v1/studios", choicesRoutes);
