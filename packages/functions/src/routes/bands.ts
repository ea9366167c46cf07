import { createRouter } from "../http/router";

export const bandRoutes = createRouter();
