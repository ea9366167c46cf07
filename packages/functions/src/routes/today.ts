import { createRoute } from "@hono/zod-openapi";
import { studioToday } from "@studiosync/core/workspace";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { jsonResponse, problems } from "../schemas/problem";
import { StudioTodaySchema } from "../schemas/today";

const getToday = createRoute({
  method: "get",
  path: "/{studioId}/today",
  tags: ["Workspace"],
  summary: "A studio's Today page in one read (owners, admins, teachers): lessons and attendance, pending requests, closures; money and setup for admins",
  description:
    "As of the studio's local today: today's and tomorrow's lessons with each student's attendance and the pending reschedule " +
    "requests (admins: the studio's; a teacher: their own lessons' only), the upcoming closures, and for admins the pending " +
    "access requests, overdue invoices, this month's revenue and the setup steps of a new studio. Students and parents: 403.",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(StudioTodaySchema, "The studio's day"), ...problems(401, 403, 404) },
});

export const todayRoutes = createRouter().openapi(getToday, async (c) => c.json(await studioToday(c.get("actor"), c.req.valid("param").studioId), 200));
