import { createRoute } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { requireActor } from "../http/auth";
import { createRouter } from "../http/router";
import { FreeSlotsSchema } from "../schemas/availability";
import { jsonResponse, problems } from "../schemas/problem";
import { studioParams } from "../http/route-params";

const searchFreeSlots = createRoute({
  method: "get",
  path: "/{studioId}/free-slots",
  tags: ["Availability"],
  summary: "A teacher's free slots between two local dates (every member)",
  description:
    "Slots of `durationMinutes` starting every `stepMinutes` (default 15) inside the teacher's working hours, local to the studio's " +
    "time zone (correct across DST changes), from `from` to `to` inclusive (at most 31 dates). Left out: closure dates, the past, and " +
    "anything overlapping the teacher's lessons with their booking buffer before and after — the same check booking makes, so an " +
    "offered slot is bookable. `studentId` (a student you may see) also keeps clear of that student's lessons. A teacher with no " +
    "working hours set has no free slots.",
  security: [{ bearer: [] }],
  middleware: requireActor,
  request: { params: studioParams, query: Scheduling.freeSlotQuerySchema },
  responses: { 200: jsonResponse(FreeSlotsSchema, "The free slots, oldest first"), ...problems(401, 404, 422) },
});

export const freeSlotRoutes = createRouter().openapi(searchFreeSlots, async (c) =>
  c.json(await Scheduling.searchFreeSlots(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200),
);
