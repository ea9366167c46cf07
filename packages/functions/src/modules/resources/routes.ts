import { createRouter } from "../../http/router";
import { publicResourceRoutes } from "../../routes/public-resources";
import { resourceRoutes } from "../../routes/resources";

/** The studio's files: the resource library, person documents, shares, materials and downloads. Deployed as the resources Lambda. */
export const resourcesRoutes = createRouter().route("/v1/studios", resourceRoutes).route("/v1/public", publicResourceRoutes);
