import { createRouter } from "../http/router";

export const makeupCreditRoutes = createRouter();
