import { createRoute } from "@hono/zod-openapi";
import * as Messaging from "@studiosync/core/messaging";
import { pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Announcements"];
const announcementParams = studioParams.extend({ announcementId: pathId("announcementId") });
const composeBody = jsonBody(Messaging.composeAnnouncementSchema.openapi("ComposeAnnouncementRequest"));

const listAnnouncements = createRoute({
  method: "get",
  path: "/{studioId}/announcements",
  tags,
  summary: "The studio's announcements (owners and admins), or those sent to the caller, newest first",
  description: "`box=sent` (owners and admins; their default) or `box=received` (everyone's own copies; everyone else's default).",
  ...secured,
  request: { params: studioParams, query: Messaging.listAnnouncementsQuerySchema },
  responses: { 200: jsonResponse(Messaging.AnnouncementPageSchema, "One page"), ...problems(401, 403, 404, 422) },
});

const createAnnouncement = createRoute({
  method: "post",
  path: "/{studioId}/announcements",
  tags,
  summary: "Write an announcement to an audience: a draft, scheduled (`sendAt`), or sent now",
  description:
    "Owners and admins. Audiences: everyone, all families, all teachers, a teacher's students, an instrument's students, a class, a " +
    "band, or hand-picked people; students reach their families too. It goes by email (one copy each, with an unsubscribe link) " +
    "and in the app, as chosen. Sent now, the first 200 emails go to the outbox at once and the rest a minute's worth of SES's " +
    "send rate a minute (the Announcements job); each recipient's copy has a delivery receipt (queued, sent, delivered, bounced…).",
  ...secured,
  request: { params: studioParams, body: composeBody },
  responses: { 201: jsonResponse(Messaging.AnnouncementSummarySchema, "The announcement"), ...problems(401, 403, 404, 422) },
});

const previewAnnouncement = createRoute({
  method: "post",
  path: "/{studioId}/announcements/preview",
  tags,
  summary: "Whom an announcement as written would reach now, and its email (nothing is saved or sent)",
  ...secured,
  request: { params: studioParams, body: composeBody },
  responses: { 200: jsonResponse(Messaging.AnnouncementPreviewSchema, "The preview"), ...problems(401, 403, 404, 422) },
});

const testAnnouncement = createRoute({
  method: "post",
  path: "/{studioId}/announcements/test",
  tags,
  summary: "Send the announcement as written to yourself only, marked as a test",
  ...secured,
  request: { params: studioParams, body: composeBody },
  responses: { 201: jsonResponse(Messaging.AnnouncementTestSchema, "Where the test went"), ...problems(401, 403, 404, 422) },
});

const getAnnouncement = createRoute({
  method: "get",
  path: "/{studioId}/announcements/{announcementId}",
  tags,
  summary: "An announcement: with its recipients' delivery states for owners and admins; one's own copy (marked read) for a recipient",
  description: "`status` keeps the recipients in that state (`opened`, `read`: those with the stamp). Anyone it was not sent to: 404.",
  ...secured,
  request: { params: announcementParams, query: Messaging.announcementQuerySchema },
  responses: { 200: jsonResponse(Messaging.AnnouncementViewSchema, "The announcement"), ...problems(401, 404, 422) },
});

const updateAnnouncement = createRoute({
  method: "put",
  path: "/{studioId}/announcements/{announcementId}",
  tags,
  summary: "Rewrite a draft or a scheduled announcement, reschedule it, or send it now",
  description: "One that has gone out (sending or sent) is 409 `announcement.sent`.",
  ...secured,
  request: { params: announcementParams, body: composeBody },
  responses: { 200: jsonResponse(Messaging.AnnouncementSummarySchema, "The announcement"), ...problems(401, 403, 404, 409, 422) },
});

const cancelAnnouncement = createRoute({
  method: "delete",
  path: "/{studioId}/announcements/{announcementId}",
  tags,
  summary: "Delete a draft, or call off a scheduled announcement",
  description: "One that has gone out is 409 `announcement.sent`.",
  ...secured,
  request: { params: announcementParams },
  responses: { 200: jsonResponse(Messaging.CancelledAnnouncementSchema, "What became of it"), ...problems(401, 403, 404, 409) },
});

export const announcementRoutes = createRouter()
  .openapi(listAnnouncements, async (c) => c.json(await Messaging.listAnnouncements(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createAnnouncement, async (c) =>
    c.json(await Messaging.createAnnouncement(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201),
  )
  .openapi(previewAnnouncement, async (c) =>
    c.json(await Messaging.previewAnnouncement(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200),
  )
  .openapi(testAnnouncement, async (c) =>
    c.json(await Messaging.testAnnouncement(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201),
  )
  .openapi(getAnnouncement, async (c) => {
    const { studioId, announcementId } = c.req.valid("param");
    return c.json(await Messaging.getAnnouncement(c.get("actor"), studioId, announcementId, c.req.valid("query"), c.var.clock()), 200);
  })
  .openapi(updateAnnouncement, async (c) => {
    const { studioId, announcementId } = c.req.valid("param");
    return c.json(await Messaging.updateAnnouncement(c.get("actor"), studioId, announcementId, c.req.valid("json"), c.var.clock()), 200);
  })
  .openapi(cancelAnnouncement, async (c) => {
    const { studioId, announcementId } = c.req.valid("param");
    return c.json(await Messaging.cancelAnnouncement(c.get("actor"), studioId, announcementId), 200);
  });
