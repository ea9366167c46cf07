import { createRouter } from "../../http/router";
import { attendanceRoutes } from "../../routes/attendance";
import { lessonRoutes } from "../../routes/lessons";

/**
 * Scheduling: lessons and their calendars, and attendance.
 * Deployed as the scheduling Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const schedulingRoutes = createRouter().route("/v1/studios", lessonRoutes).route("/v1/studios", attendanceRoutes);
