import { createRouter } from "../http/router";

export const memberRoutes = createRouter();
