import { createRouter } from "../http/router";

export const freeSlotRoutes = createRouter();
