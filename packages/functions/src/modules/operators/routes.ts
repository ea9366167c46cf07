import { createRouter } from "../../http/router";
import { operatorRoutes } from "../../routes/operators";

/** Deployed as the operators Lambda: the platform operators' console (and the site's operators client: web/src/lib/api.ts). */
export const operatorsRoutes = createRouter().route("/v1/platform", operatorRoutes);
