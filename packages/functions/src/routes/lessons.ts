import { createRoute, z } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { createRouter } from "../http/router";
import { CalendarPageSchema, LessonSchema, LessonWithNamesSchema } from "../schemas/lessons";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Lessons"];
const lessonParams = studioParams.extend({ lessonId: pathId("lessonId") });
const lessonInclude = z.enum(["names", "attendance"], { errorMap: () => ({ message: "must be names or attendance" }) });

const createLesson = createRoute({
  method: "post",
  path: "/{studioId}/lessons",
  tags,
  summary: "Book a lesson (admins; teachers for lessons they teach with their own students)",
  description:
    "The teacher (with their booking buffer), every student and the room must be free, and the studio open. " +
    "A 409 names the lesson in the way (`conflicts`). Two bookings racing for one slot: exactly one wins.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Scheduling.createLessonSchema.openapi("CreateLessonRequest")) },
  responses: { 201: jsonResponse(LessonSchema, "The booked lesson"), ...problems(401, 403, 404, 409, 422) },
});

const listLessons = createRoute({
  method: "get",
  path: "/{studioId}/lessons",
  tags,
  summary: "A calendar: lessons starting in [from, to), by start (every member: their own; admins any)",
  description:
    "At most one of `teacherId`, `studentId`, `familyId`, `roomName`; without one: a teacher's own lessons, a student's own, " +
    "a parent's family's, the whole studio for admins. A family's calendar lists a lesson once per child in it " +
    "(`attendeeStudentId`). Teachers read their own calendar and their own students' lessons with them; parents their " +
    "children's and family's; rooms and the whole studio are for admins; anything else is a 403. `to` is at most 92 days " +
    "after `from`; `limit` is at most 500 (a busy week in one page). `status` filters the page, so a filtered page may hold fewer than `limit`. " +
    "`include=names` adds `names`: the display names of the page's teachers, students and bands by id.",
  ...secured,
  request: { params: studioParams, query: Scheduling.lessonCalendarQuerySchema },
  responses: { 200: jsonResponse(CalendarPageSchema, "One page of the calendar"), ...problems(401, 403, 404, 422) },
});

const getLesson = createRoute({
  method: "get",
  path: "/{studioId}/lessons/{lessonId}",
  tags,
  summary: "One lesson (admins, its teacher and original teacher, its students, their parents)",
  description:
    "`include=names` adds `names`: the display names of its teachers, students and band by id. `include=attendance` adds " +
    "`attendance`: its entries as `GET …/attendance` gives them to the caller. Both: `include=names&include=attendance`.",
  ...secured,
  request: {
    params: lessonParams,
    query: z.object({ include: z.union([lessonInclude, z.array(lessonInclude).max(2)]).optional() }),
  },
  responses: { 200: jsonResponse(LessonWithNamesSchema, "The lesson"), ...problems(401, 404, 422) },
});

const updateLesson = createRoute({
  method: "patch",
  path: "/{studioId}/lessons/{lessonId}",
  tags,
  summary: "Change a lesson (admins and its teachers): move, room, substitute, status, actual times",
  description:
    "Moving it (`scheduledStart`, `scheduledEnd` or `durationMinutes`), a new room or a substitute re-checks every booking " +
    "(409 naming the lesson in the way) and the studio's closures; only a scheduled lesson moves, and only into the future. " +
    "`substituteTeacherId` (admins only: a teacher gets 403) hands it to another teacher keeping `originalTeacherId`, who keeps " +
    "every right over the lesson (reading, changing, notes, attendance); `null` gives it back. `status` moves " +
    "scheduled → in_progress | completed | no_show and in_progress → completed, once the lesson has begun; cancelling is " +
    "POST …/cancel. `actualStart` belongs to a lesson in progress or completed, `actualEnd` to a completed one. A lesson a " +
    "pattern made is marked `editedByHand`. `null` clears a field.",
  ...secured,
  request: { params: lessonParams, body: jsonBody(Scheduling.updateLessonSchema.openapi("UpdateLessonRequest")) },
  responses: { 200: jsonResponse(LessonSchema, "The changed lesson"), ...problems(401, 403, 404, 409, 422) },
});

export const lessonRoutes = createRouter()
  .openapi(createLesson, async (c) => c.json(await Scheduling.createLesson(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(listLessons, async (c) => c.json(await Scheduling.listLessons(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getLesson, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Scheduling.getLesson(c.get("actor"), studioId, lessonId, c.req.valid("query")), 200);
  })
  .openapi(updateLesson, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Scheduling.updateLesson(c.get("actor"), studioId, lessonId, c.req.valid("json")), 200);
  });
