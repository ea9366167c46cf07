import { createRoute } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Notifications from "@studiosync/core/notifications";
import { secured } from "../http/route-params";
import { createRouter } from "../http/router";
import { NoticePageSchema, UnreadNoticesSchema } from "../schemas/notices";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Notifications"];

const listNotices = createRoute({
  method: "get",
  path: "/notifications",
  tags,
  summary: "Your notification centre across your studios, newest first, with the unread count",
  description:
    "What the studios' emails told you (reminders, invoices, lesson changes, new material, messages, class places, announcements, events), " +
    "one entry per subject and day in the studio's zone. Empty until your address is confirmed.",
  ...secured,
  request: { query: Notifications.noticesQuerySchema },
  responses: { 200: jsonResponse(NoticePageSchema, "A page of your notifications"), ...problems(401, 422) },
});

const markRead = createRoute({
  method: "post",
  path: "/notifications/read",
  tags,
  summary: "Mark notifications read: the ones named by id, or all: true",
  ...secured,
  request: { body: jsonBody(Notifications.markNoticesReadSchema.openapi("MarkNoticesRead")) },
  responses: { 200: jsonResponse(UnreadNoticesSchema, "What is left unread"), ...problems(400, 401, 422) },
});

/** The signed-in person's notification centre, under /v1/me (their preferences: my-preferences.ts). */
export const myNoticeRoutes = createRouter()
  .openapi(listNotices, async (c) => c.json(await Notifications.listMyNotices(c.get("actor"), c.req.valid("query")), 200))
  .openapi(markRead, async (c) => c.json(await Notifications.markMyNoticesRead(c.get("actor"), c.req.valid("json")), 200));
