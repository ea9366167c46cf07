import { createRouter } from "../http/router";

export const studentRoutes = createRouter();
