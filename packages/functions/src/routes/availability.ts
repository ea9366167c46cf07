import { createRoute } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { createRouter } from "../http/router";
import { AvailabilityPageSchema, AvailabilitySchema } from "../schemas/availability";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Availability"];
const params = studioParams.extend({ teacherId: pathId("teacherId") });
const noHours = "A teacher with no hours set has an empty week and no free slots.";

const listAvailability = createRoute({
  method: "get",
  path: "/{studioId}/availability",
  tags,
  summary: "Teachers' weekly working hours, by teacher name (every member)",
  description: `Every listed teacher with their week, local to the studio's time zone; \`teacherId\` narrows it to one teacher. ${noHours}`,
  ...secured,
  request: { params: studioParams, query: Scheduling.listAvailabilityQuerySchema },
  responses: { 200: jsonResponse(AvailabilityPageSchema, "One page of teachers' hours"), ...problems(401, 404, 422) },
});

const getAvailability = createRoute({
  method: "get",
  path: "/{studioId}/availability/{teacherId}",
  tags,
  summary: "One teacher's weekly working hours (every member)",
  description: noHours,
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(AvailabilitySchema, "The teacher's hours"), ...problems(401, 404) },
});

const setAvailability = createRoute({
  method: "put",
  path: "/{studioId}/availability/{teacherId}",
  tags,
  summary: "Set a teacher's weekly working hours (admins, the teacher themself)",
  description:
    "Replaces the whole week. Each range is a weekday (1 = Monday … 7 = Sunday) with a local start and end (HH:MM, end after start, " +
    `24:00 for midnight) in the studio's time zone; ranges of one weekday may touch but not overlap; at most 21 ranges. ${noHours}`,
  ...secured,
  request: { params, body: jsonBody(Scheduling.setAvailabilitySchema.openapi("SetAvailabilityRequest")) },
  responses: { 200: jsonResponse(AvailabilitySchema, "The teacher's new hours"), ...problems(401, 403, 404, 409, 422) },
});

export const availabilityRoutes = createRouter()
  .openapi(listAvailability, async (c) => c.json(await Scheduling.listAvailability(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getAvailability, async (c) => {
    const { studioId, teacherId } = c.req.valid("param");
    return c.json(await Scheduling.getAvailability(c.get("actor"), studioId, teacherId), 200);
  })
  .openapi(setAvailability, async (c) => {
    const { studioId, teacherId } = c.req.valid("param");
    return c.json(await Scheduling.setAvailability(c.get("actor"), studioId, teacherId, c.req.valid("json")), 200);
  });
