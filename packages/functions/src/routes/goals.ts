import { createRouter } from "../http/router";

export const goalRoutes = createRouter();
