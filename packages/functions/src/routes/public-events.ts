import { createRoute, z } from "@hono/zod-openapi";
import * as Events from "@studiosync/core/events";
import { clientIp } from "../http/client-ip";
import { pathId } from "../http/route-params";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { PRIVATE, slugParams } from "../http/public-params";

const tags = ["Public"];
const eventParams = slugParams.extend({ eventId: pathId("eventId") });
const fileParams = eventParams.extend({
  // A digit, not a coerced number: Hono's typed client drops a path parameter of 0.
  index: z
    .string()
    .regex(/^[0-9]$/, "must be a file's place in the event, 0 to 9")
    .openapi({ param: { name: "index", in: "path" }, example: "0" }),
});
const tokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(2000)
    .openapi({ param: { name: "token", in: "path" }, description: "The token of an event email's link" }),
});
const LINK_RULES = "Links are signed for the event and the person (or address) and work until a day after the event; a forged link is 404, a lapsed one 410.";

const publicEvents = createRoute({
  method: "get",
  path: "/events/{slug}",
  tags,
  summary: "A studio's upcoming public events, soonest first (at most 50), for its public page",
  request: { params: slugParams },
  responses: { 200: jsonResponse(Events.PublicEventListSchema, "The events"), ...problems(404) },
});

const publicEvent = createRoute({
  method: "get",
  path: "/events/{slug}/{eventId}",
  tags,
  summary: "One public event (a members-only event is 404)",
  request: { params: eventParams },
  responses: { 200: jsonResponse(Events.PublicEventSchema, "The event"), ...problems(404) },
});

const publicFile = createRoute({
  method: "get",
  path: "/events/{slug}/{eventId}/attachments/{index}",
  tags,
  summary: "A short-lived download link to one of a public event's files",
  request: { params: fileParams },
  responses: { 200: jsonResponse(Events.FileLinkSchema, "The link (5 minutes)"), ...problems(404, 422) },
});

const publicRsvp = createRoute({
  method: "post",
  path: "/events/{slug}/{eventId}/rsvps",
  tags,
  summary: "Answer a public event by name and email (no login)",
  description:
    "One answer per address (answering again changes it); a confirmation with the link to change it is emailed. Rate-limited per " +
    "address and per IP (429). A full event is 409 `event.full` with the seats left; a closed one 409 `event.closed`.",
  request: { params: eventParams, body: jsonBody(Events.publicRsvpSchema.openapi("PublicRsvpRequest")) },
  responses: { 201: jsonResponse(Events.RsvpOutcomeSchema, "The answer"), ...problems(404, 409, 422, 429) },
});

const readLink = createRoute({
  method: "get",
  path: "/events/links/{token}",
  tags,
  summary: "What an event email's link shows (no login): the event and the person's answer so far",
  description: `Reading never acts (mail scanners open links). ${LINK_RULES}`,
  request: { params: tokenParams },
  responses: { 200: jsonResponse(Events.LinkRsvpViewSchema, "The event and the answer"), ...problems(404, 410) },
});

const answerByLink = createRoute({
  method: "post",
  path: "/events/links/{token}/rsvp",
  tags,
  summary: "Answer (or change the answer) from an event email's link (no login)",
  description: `409 \`event.full\` or \`event.closed\` as for any answer. ${LINK_RULES}`,
  request: { params: tokenParams, body: jsonBody(Events.linkRsvpSchema.openapi("LinkRsvpRequest")) },
  responses: { 200: jsonResponse(Events.RsvpOutcomeSchema, "The answer"), ...problems(404, 409, 410, 422) },
});

/**
 * A studio's public events under /v1/public/events/{slug}, and what event emails' links open under
 * /v1/public/events/links (one API route key for all: `links` is a reserved slug, and its routes
 * come first).
 */
export const publicEventRoutes = createRouter()
  .openapi(readLink, async (c) => c.json(await Events.readLink(c.req.valid("param").token, c.var.clock()), 200, PRIVATE))
  .openapi(answerByLink, async (c) => c.json(await Events.answerByLink(c.req.valid("param").token, c.req.valid("json"), c.var.clock()), 200, PRIVATE))
  .openapi(publicEvents, async (c) => c.json(await Events.publicEvents(c.req.valid("param").slug, c.var.clock()), 200))
  .openapi(publicEvent, async (c) => {
    const { slug, eventId } = c.req.valid("param");
    return c.json(await Events.getPublicEvent(slug, eventId, c.var.clock()), 200);
  })
  .openapi(publicFile, async (c) => {
    const { slug, eventId, index } = c.req.valid("param");
    return c.json(await Events.publicEventFileLink(slug, eventId, Number(index), c.var.clock()), 200, PRIVATE);
  })
  .openapi(publicRsvp, async (c) => {
    const { slug, eventId } = c.req.valid("param");
    return c.json(await Events.answerPublicly(slug, eventId, c.req.valid("json"), { ip: clientIp(c) }, c.var.clock()), 201, PRIVATE);
  });
