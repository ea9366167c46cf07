import { createRoute, z } from "@hono/zod-openapi";
import * as Events from "@studiosync/core/events";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Events"];
const eventParams = studioParams.extend({ eventId: pathId("eventId") });
const fileParams = eventParams.extend({
  // A digit, not a coerced number: Hono's typed client drops a path parameter of 0.
  index: z
    .string()
    .regex(/^[0-9]$/, "must be a file's place in the event, 0 to 9")
    .openapi({ param: { name: "index", in: "path" }, description: "The file's place in the event's `attachments`", example: "0" }),
});
const eventBody = jsonBody(Events.eventInputSchema.openapi("StudioEventRequest"));

const listEvents = createRoute({
  method: "get",
  path: "/{studioId}/events",
  tags,
  summary: "The studio's events calendar between two local dates (default: from today for a year)",
  description:
    "Owners and admins see every event with its answer counts; everyone else the events whose audience includes them (a parent through their family) and the public ones.",
  ...secured,
  request: { params: studioParams, query: Events.listEventsQuerySchema },
  responses: { 200: jsonResponse(Events.EventPageSchema, "One page, by date"), ...problems(401, 404, 422) },
});

const createEvent = createRoute({
  method: "post",
  path: "/{studioId}/events",
  tags,
  summary: "Publish an event: a recital, concert, workshop, masterclass, holiday…",
  description:
    "Owners and admins. Its time is a local date (and end date) with local start and end times (or all day) in the studio's zone. " +
    "The audience takes the announcements' shapes. With `notify` (default), each address of the audience gets an invitation " +
    "with one-click Yes / Maybe / No links (at most 2,000), except those that stopped event invitations. With an `Idempotency-Key`, " +
    "a retry replays the first answer instead of publishing (and inviting) twice.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("event-publish")] as const,
  request: { params: studioParams, headers: idempotencyHeader, body: eventBody },
  responses: { 201: jsonResponse(Events.ManagedEventSchema, "The event"), ...problems(401, 403, 404, 409, 422) },
});

const getEvent = createRoute({
  method: "get",
  path: "/{studioId}/events/{eventId}",
  tags,
  summary: "An event, with whom the caller may answer for and their answers (owners and admins: its counts and audience)",
  description: "An event whose audience does not include the caller (and not public) is 404.",
  ...secured,
  request: { params: eventParams },
  responses: { 200: jsonResponse(Events.EventViewSchema, "The event"), ...problems(401, 404) },
});

const updateEvent = createRoute({
  method: "put",
  path: "/{studioId}/events/{eventId}",
  tags,
  summary: "Change an event (its answers stand; no mail)",
  description: "A capacity below the seats taken is 409 `event.full`; a cancelled event is 409 `event.closed`.",
  ...secured,
  request: { params: eventParams, body: eventBody },
  responses: { 200: jsonResponse(Events.ManagedEventSchema, "The event"), ...problems(401, 403, 404, 409, 422) },
});

const cancelEvent = createRoute({
  method: "delete",
  path: "/{studioId}/events/{eventId}",
  tags,
  summary: "Cancel an event: everyone who said yes or maybe is told by email",
  description: "The event is kept, `cancelled`; cancelling it again is 409 `event.closed`.",
  ...secured,
  request: { params: eventParams },
  responses: { 200: jsonResponse(Events.CancelledEventSchema, "The cancelled event and how many were told"), ...problems(401, 403, 404, 409) },
});

const listRsvps = createRoute({
  method: "get",
  path: "/{studioId}/events/{eventId}/rsvps",
  tags,
  summary: "Every answer to an event, with guests (owners and admins)",
  ...secured,
  request: { params: eventParams, query: Events.rsvpsQuerySchema },
  responses: { 200: jsonResponse(Events.EventRsvpPageSchema, "One page of answers"), ...problems(401, 403, 404, 422) },
});

const answerEvent = createRoute({
  method: "put",
  path: "/{studioId}/events/{eventId}/rsvp",
  tags,
  summary: "Answer an event (yes, no, maybe, with guests) for yourself or, a parent, for your child",
  description:
    "`person` names whom the answer is for (`student:<id>`, `teacher:<id>`, `guardian:<familyId>:<id>`). Yes takes 1 + guests seats; " +
    "a full event is 409 `event.full` with the seats left; after the RSVP deadline, on a cancelled or started event 409 `event.closed`.",
  ...secured,
  request: { params: eventParams, body: jsonBody(Events.memberRsvpSchema.openapi("MemberRsvpRequest")) },
  responses: { 200: jsonResponse(Events.RsvpOutcomeSchema, "The answer and the event's seats"), ...problems(401, 403, 404, 409, 422) },
});

const createUpload = createRoute({
  method: "post",
  path: "/{studioId}/events/uploads",
  tags,
  summary: "A presigned upload for an event's file (owners and admins): PUT the bytes, then name `uploadKey` in the event's `attachments`",
  description: "PDF, images, audio, text or Word documents, at most 10 MB; the link is bound to the type and size given and lasts 15 minutes.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Events.eventUploadSchema.openapi("StudioEventUploadRequest")) },
  responses: { 201: jsonResponse(Events.EventUploadSchema, "Where to PUT the file"), ...problems(401, 403, 404, 422) },
});

const downloadFile = createRoute({
  method: "get",
  path: "/{studioId}/events/{eventId}/attachments/{index}",
  tags,
  summary: "A short-lived download link to one of an event's files, for whoever may see the event",
  ...secured,
  request: { params: fileParams },
  responses: { 200: jsonResponse(Events.FileLinkSchema, "The link (5 minutes)"), ...problems(401, 404, 422) },
});

export const eventRoutes = createRouter()
  .openapi(listEvents, async (c) => c.json(await Events.listEvents(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query"), c.var.clock()), 200))
  .openapi(createEvent, async (c) => c.json(await Events.createEvent(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201))
  .openapi(getEvent, async (c) => {
    const { studioId, eventId } = c.req.valid("param");
    return c.json(await Events.getEvent(c.get("actor"), studioId, eventId, c.var.clock()), 200);
  })
  .openapi(updateEvent, async (c) => {
    const { studioId, eventId } = c.req.valid("param");
    return c.json(await Events.updateEvent(c.get("actor"), studioId, eventId, c.req.valid("json"), c.var.clock()), 200);
  })
  .openapi(cancelEvent, async (c) => {
    const { studioId, eventId } = c.req.valid("param");
    return c.json(await Events.cancelEvent(c.get("actor"), studioId, eventId, c.var.clock()), 200);
  })
  .openapi(listRsvps, async (c) => {
    const { studioId, eventId } = c.req.valid("param");
    return c.json(await Events.listRsvps(c.get("actor"), studioId, eventId, c.req.valid("query")), 200);
  })
  .openapi(createUpload, async (c) =>
    c.json(await Events.createEventUpload(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201),
  )
  .openapi(downloadFile, async (c) => {
    const { studioId, eventId, index } = c.req.valid("param");
    return c.json(await Events.eventFileLink(c.get("actor"), studioId, eventId, Number(index), c.var.clock()), 200);
  })
  .openapi(answerEvent, async (c) => {
    const { studioId, eventId } = c.req.valid("param");
    return c.json(await Events.answerAsMember(c.get("actor"), studioId, eventId, c.req.valid("json"), c.var.clock()), 200);
  });
