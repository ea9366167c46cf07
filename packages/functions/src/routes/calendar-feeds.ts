import { createRoute } from "@hono/zod-openapi";
import * as Teaching from "@studiosync/core/teaching";
import { createRouter } from "../http/router";
import { CalendarFeedPageSchema, CreatedCalendarFeedSchema } from "../schemas/calendar-feeds";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Calendar feeds"];
const params = studioParams.extend({ feedId: pathId("feedId") });

const createFeed = createRoute({
  method: "post",
  path: "/{studioId}/calendar-feeds",
  tags,
  summary: "A secret iCal URL of lessons: admins for any teacher, student or family; teachers their own; students themselves; parents their family or children",
  description:
    "The answer's `url` is the subscription address for calendar apps (no login); it is shown once. " +
    "The feed shows lessons from 30 days back to 180 days ahead, in the studio's time zone, cancelled ones as CANCELLED.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Teaching.createCalendarFeedSchema.openapi("CreateCalendarFeedRequest")) },
  responses: { 201: jsonResponse(CreatedCalendarFeedSchema, "The new feed with its URL"), ...problems(401, 403, 404, 422) },
});

const listFeeds = createRoute({
  method: "get",
  path: "/{studioId}/calendar-feeds",
  tags,
  summary: "Live calendar feeds: every member their own, admins all of the studio's",
  ...secured,
  request: { params: studioParams, query: Teaching.listCalendarFeedsQuerySchema },
  responses: { 200: jsonResponse(CalendarFeedPageSchema, "A page of feeds (without URLs)"), ...problems(401, 404, 422) },
});

const revokeFeed = createRoute({
  method: "delete",
  path: "/{studioId}/calendar-feeds/{feedId}",
  tags,
  summary: "Revoke a feed (its owner, admins): its URL answers 404 from now on",
  ...secured,
  request: { params },
  responses: { 204: { description: "Revoked" }, ...problems(401, 404) },
});

/** Where this API is reached from outside (the feed URL's base), as the request came in. */
const apiBaseUrl = (url: string) => new URL(url).origin;

export const calendarFeedRoutes = createRouter()
  .openapi(createFeed, async (c) => {
    const feed = await Teaching.createCalendarFeed(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), { apiBaseUrl: apiBaseUrl(c.req.url) });
    return c.json(feed, 201);
  })
  .openapi(listFeeds, async (c) => c.json(await Teaching.listCalendarFeeds(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(revokeFeed, async (c) => {
    const { studioId, feedId } = c.req.valid("param");
    await Teaching.revokeCalendarFeed(c.get("actor"), studioId, feedId);
    return c.body(null, 204);
  });
