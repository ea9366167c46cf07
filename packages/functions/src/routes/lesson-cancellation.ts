import { createRouter } from "../http/router";

export const lessonCancellationRoutes = createRouter();
