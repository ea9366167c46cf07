import { createRouter } from "../http/router";

export const teacherRoutes = createRouter();
