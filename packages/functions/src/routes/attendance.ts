import { createRouter } from "../http/router";

export const attendanceRoutes = createRouter();
