import { createRoute, z } from "@hono/zod-openapi";
import { Scheduling } from "@studiosync/core";
import { requireActor } from "../http/auth";
import { createRouter } from "../http/router";
import { LessonSchema } from "../schemas/lessons";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Lessons"];
const pathId = (name: string) => z.string().min(1).max(64).openapi({ param: { name, in: "path" } });
const studioParams = z.object({ studioId: pathId("studioId") });
const secured = { security: [{ bearer: [] }], middleware: requireActor };

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

export const lessonRoutes = createRouter().openapi(createLesson, async (c) =>
  c.json(await Scheduling.createLesson(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201),
);
