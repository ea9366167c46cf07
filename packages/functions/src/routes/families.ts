import { createRouter } from "../http/router";

export const familyRoutes = createRouter();
