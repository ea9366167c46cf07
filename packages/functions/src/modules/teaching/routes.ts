import { createRouter } from "../../http/router";
import { calendarFeedRoutes } from "../../routes/calendar-feeds";
import { goalRoutes } from "../../routes/goals";
import { lessonNoteRoutes } from "../../routes/lesson-notes";
import { lessonPlanRoutes } from "../../routes/lesson-plans";
import { practiceLogRoutes } from "../../routes/practice-logs";
import { publicCalendarRoutes } from "../../routes/public-calendar";

/**
 * Teaching records and calendars: lesson notes, goals, lesson plans, practice logs, iCal feeds and the
 * public feed URL. Deployed as the teaching Lambda.
 */
export const teachingRoutes = createRouter()
  .route("/v1/studios", lessonNoteRoutes)
  .route("/v1/studios", goalRoutes)
  .route("/v1/studios", lessonPlanRoutes)
  .route("/v1/studios", practiceLogRoutes)
  .route("/v1/studios", calendarFeedRoutes)
  .route("/v1", publicCalendarRoutes);
