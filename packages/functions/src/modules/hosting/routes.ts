import { createRouter } from "../../http/router";
import { apiKeyRoutes } from "../../routes/api-keys";
import { usageRoutes } from "../../routes/usage";

/** Deployed as the hosting Lambda: the studio's usage and API keys (and the site's hosting client: web/src/lib/api.ts). */
export const hostingRoutes = createRouter().route("/v1/studios", usageRoutes).route("/v1/studios", apiKeyRoutes);
