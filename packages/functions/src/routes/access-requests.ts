import { createRouter } from "../http/router";

export const accessRequestRoutes = createRouter();
