import { createRoute, z } from "@hono/zod-openapi";
import * as Teaching from "@studiosync/core/teaching";
import { createRouter } from "../http/router";
import { problems } from "../schemas/problem";

const feed = createRoute({
  method: "get",
  path: "/calendar/{token}.ics",
  tags: ["Public"],
  summary: "An iCal feed by its secret URL (no login), for calendar apps to subscribe to",
  description:
    "RFC 5545 text/calendar: the lessons from 30 days back to 180 days ahead (at most 2,000), local times with the studio's " +
    "VTIMEZONE, cancelled lessons as STATUS:CANCELLED. A revoked or unknown token, or a feed whose owner left the studio: 404.",
  request: {
    params: z.object({ token: z.string().openapi({ param: { name: "token", in: "path" }, example: "3q2-7wEXAMPLEtokenEXAMPLEtokenEXAMPLEtokenE" }) }),
  },
  responses: {
    200: { description: "The calendar", content: { "text/calendar": { schema: z.string() } } },
    ...problems(404),
  },
});

/**
 * The public feed. Hono cannot end a named parameter with a literal suffix (`{token}.ics`), so
 * the route is documented with that path and served by a pattern that keeps the ".ics".
 */
export const publicCalendarRoutes = createRouter();
publicCalendarRoutes.openAPIRegistry.registerPath(feed);
publicCalendarRoutes.get("/calendar/:file{[^/]+\\.ics}", async (c) => {
  const token = c.req.param("file").slice(0, -".ics".length);
  const body = await Teaching.calendarFeedIcs(token);
  return c.body(body, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": 'inline; filename="lessons.ics"',
    // The URL is the credential: no shared caches, and keep it out of search engines.
    "Cache-Control": "private, max-age=300",
    "X-Robots-Tag": "noindex",
  });
});
