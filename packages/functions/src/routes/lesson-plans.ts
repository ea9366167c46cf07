import { createRouter } from "../http/router";

export const lessonPlanRoutes = createRouter();
