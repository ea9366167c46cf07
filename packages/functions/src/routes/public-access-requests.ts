import { createRouter } from "../http/router";

export const publicAccessRequestRoutes = createRouter();
