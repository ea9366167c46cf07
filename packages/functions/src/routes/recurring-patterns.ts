import { createRouter } from "../http/router";

export const recurringPatternRoutes = createRouter();
