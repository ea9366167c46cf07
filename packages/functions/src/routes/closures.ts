import { createRouter } from "../http/router";

export const closureRoutes = createRouter();
