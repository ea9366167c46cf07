import { createRoute, z } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { createRouter } from "../http/router";
import { LessonLinkSchema, LinkCancelResultSchema } from "../schemas/lesson-links";
import { LessonSchema } from "../schemas/lessons";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { RescheduleRequestSchema } from "../schemas/reschedule-requests";
import { PRIVATE } from "../http/public-params";

const tags = ["Public"];
const token = z
  .string()
  .min(1)
  .max(2000)
  .openapi({ param: { name: "token", in: "path" }, description: "The token of the emailed link", example: "k1.eyJhIjoiY2FuY2VsIn0.3q2-7wEXAMPLE" });
const actionParams = z.object({
  action: z.enum(Scheduling.LESSON_ACTIONS).openapi({ param: { name: "action", in: "path" }, description: "What the link is for" }),
  token,
});
const tokenParams = z.object({ token });
const LINK_RULES =
  "Links are signed, bound to their purpose, the recipient's address and the lesson's time when sent, and valid until the " +
  "lesson starts (make-up links: until the credit expires). A forged or unknown link, or one whose recipient is no longer " +
  "the student's or a guardian's address: 404; expired: 410.";

const getLink = createRoute({
  method: "get",
  path: "/lesson-links/{action}/{token}",
  tags,
  summary: "What a lesson email's link shows (no login): the lesson, the link's state and what acting would do",
  description: `Reading never acts (mail scanners open links). ${LINK_RULES}`,
  request: { params: actionParams },
  responses: { 200: jsonResponse(LessonLinkSchema, "The link's page"), ...problems(404, 410) },
});

const actProblems = problems(404, 409, 410, 422);
const ACTS_ONCE = "The link acts once (409 after, and when the lesson was cancelled, moved or started since the email).";

const cancelByLink = createRoute({
  method: "post",
  path: "/lesson-links/cancel/{token}",
  tags,
  summary: "Cancel a private lesson from its emailed link, as its student, under the cancellation policy (no login)",
  description: `The policy's outcome is decided at this moment, as the page showed it. ${ACTS_ONCE} ${LINK_RULES}`,
  request: { params: tokenParams, body: jsonBody(Scheduling.linkCancelSchema.openapi("LinkCancelRequest")) },
  responses: { 200: jsonResponse(LinkCancelResultSchema, "Cancelled"), ...actProblems },
});

const moveByLink = createRoute({
  method: "post",
  path: "/lesson-links/move/{token}",
  tags,
  summary: "Ask to move a lesson to one of the teacher's free slots from its emailed link (no login); staff decide",
  description: `\`start\` must be one of the slots the link's page offers (the next ${Scheduling.MOVE_WINDOW_DAYS} days). ${ACTS_ONCE} ${LINK_RULES}`,
  request: { params: tokenParams, body: jsonBody(Scheduling.linkMoveSchema.openapi("LinkMoveRequest")) },
  responses: { 201: jsonResponse(RescheduleRequestSchema, "The request, pending"), ...actProblems },
});

const bookByLink = createRoute({
  method: "post",
  path: "/lesson-links/makeup/{token}",
  tags,
  summary: "Book the make-up a credit pays for, from its emailed link, in one of the teacher's free slots (no login)",
  description: `The credit's teacher and length; \`start\` must be one of the offered slots. ${ACTS_ONCE} ${LINK_RULES}`,
  request: { params: tokenParams, body: jsonBody(Scheduling.linkBookSchema.openapi("LinkBookRequest")) },
  responses: { 201: jsonResponse(LessonSchema, "The make-up lesson"), ...actProblems },
});

const claimByLink = createRoute({
  method: "post",
  path: "/lesson-links/claim/{token}",
  tags,
  summary: "Claim a freed lesson slot from the broadcast's link, as the make-up a credit pays for (no login); first claim wins",
  description:
    'Without `start`: books the offered slot on condition nobody claimed it first (409 "taken" for the others). Once taken, ' +
    `\`start\` books one of the credit's other free times the link's page lists. ${ACTS_ONCE} ${LINK_RULES}`,
  request: { params: tokenParams, body: jsonBody(Scheduling.linkClaimSchema.openapi("LinkClaimRequest")) },
  responses: { 201: jsonResponse(LessonSchema, "The make-up lesson"), ...actProblems },
});

export const publicLessonLinkRoutes = createRouter()
  .openapi(getLink, async (c) => {
    const { action, token } = c.req.valid("param");
    return c.json(await Scheduling.lessonActionView(token, action), 200, PRIVATE);
  })
  .openapi(cancelByLink, async (c) => c.json(await Scheduling.cancelByLink(c.req.valid("param").token, c.req.valid("json")), 200, PRIVATE))
  .openapi(moveByLink, async (c) => c.json(await Scheduling.moveByLink(c.req.valid("param").token, c.req.valid("json")), 201, PRIVATE))
  .openapi(bookByLink, async (c) => c.json(await Scheduling.bookMakeupByLink(c.req.valid("param").token, c.req.valid("json")), 201, PRIVATE))
  .openapi(claimByLink, async (c) => c.json(await Scheduling.claimSlotByLink(c.req.valid("param").token, c.req.valid("json")), 201, PRIVATE));
