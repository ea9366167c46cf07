import { createRoute } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { createRouter } from "../http/router";
import { AttendanceHistorySchema, LessonAttendanceSchema } from "../schemas/lessons";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Attendance"];
const lessonParams = studioParams.extend({ lessonId: pathId("lessonId") });

const markAttendance = createRoute({
  method: "put",
  path: "/{studioId}/lessons/{lessonId}/attendance",
  tags,
  summary: "Take attendance (admins and the lesson's teacher)",
  description:
    "Each listed student's status (present, absent, late, excused), `minutesLate` (late only) and note replace what they had; " +
    "students not listed keep theirs. Only the lesson's students; not on a cancelled lesson (409); a lesson that has not " +
    "started cannot be marked present or late (absent and excused can be known ahead).",
  ...secured,
  request: { params: lessonParams, body: jsonBody(Scheduling.markAttendanceSchema.openapi("MarkAttendanceRequest")) },
  responses: { 200: jsonResponse(LessonAttendanceSchema, "The lesson's attendance"), ...problems(401, 403, 404, 409, 422) },
});

const getAttendance = createRoute({
  method: "get",
  path: "/{studioId}/lessons/{lessonId}/attendance",
  tags,
  summary: "A lesson's attendance (who may read the lesson; students see their own entry, parents their children's)",
  ...secured,
  request: { params: lessonParams },
  responses: { 200: jsonResponse(LessonAttendanceSchema, "The lesson's attendance"), ...problems(401, 404) },
});

const attendanceHistory = createRoute({
  method: "get",
  path: "/{studioId}/attendance",
  tags,
  summary: "A student's attendance history (admins, their teacher, themself, their parents)",
  description: "Their lessons starting in [from, to) — up to now unless `to` is given — newest first, with the page's counts by status.",
  ...secured,
  request: { params: studioParams, query: Scheduling.attendanceHistoryQuerySchema },
  responses: { 200: jsonResponse(AttendanceHistorySchema, "One page of history"), ...problems(401, 404, 422) },
});

export const attendanceRoutes = createRouter()
  .openapi(markAttendance, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Scheduling.markAttendance(c.get("actor"), studioId, lessonId, c.req.valid("json")), 200);
  })
  .openapi(getAttendance, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Scheduling.getLessonAttendance(c.get("actor"), studioId, lessonId), 200);
  })
  .openapi(attendanceHistory, async (c) =>
    c.json(await Scheduling.attendanceHistory(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200),
  );
