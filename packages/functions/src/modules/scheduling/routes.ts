import { createRouter } from "../../http/router";
import { attendanceRoutes } from "../../routes/attendance";
import { lessonCancellationRoutes } from "../../routes/lesson-cancellation";
import { lessonRoutes } from "../../routes/lessons";
import { makeupCreditRoutes } from "../../routes/makeup-credits";
import { publicLessonLinkRoutes } from "../../routes/public-lesson-links";
import { portalRoutes } from "../../routes/portal";
import { rescheduleRequestRoutes } from "../../routes/reschedule-requests";
import { todayRoutes } from "../../routes/today";

/**
 * Scheduling: lessons and their calendars, cancellations, attendance, make-up credits and
 * reschedule requests, the workspace's Today page, the portal's Home, and the signed links of lesson emails. Deployed as the scheduling Lambda (routing.ts lists its paths).
 */
export const schedulingRoutes = createRouter()
  .route("/v1/studios", lessonRoutes)
  .route("/v1/studios", lessonCancellationRoutes)
  .route("/v1/studios", attendanceRoutes)
  .route("/v1/studios", makeupCreditRoutes)
  .route("/v1/studios", rescheduleRequestRoutes)
  .route("/v1/studios", todayRoutes)
  .route("/v1/studios", portalRoutes)
  .route("/v1/public", publicLessonLinkRoutes);
