import { createRoute, z } from "@hono/zod-openapi";
import * as Classes from "@studiosync/core/classes";
import { createRouter } from "../http/router";
import { ClassOfferSchema, PublicCourseListSchema } from "../schemas/classes";
import { jsonResponse, problems } from "../schemas/problem";
import { PRIVATE, slugParams } from "../http/public-params";

const tags = ["Public"];
const tokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(2000)
    .openapi({ param: { name: "token", in: "path" }, description: "The token of the emailed offer link", example: "k1.eyJzIjoiMDE5In0.3q2-7wEXAMPLE" }),
});
const LINK_RULES = "Links are signed, bound to the offer and the recipient's address, and valid until the claim-by (410 after); a forged link is 404.";

const publicCourses = createRoute({
  method: "get",
  path: "/studios/{slug}/courses",
  tags,
  summary: "A studio's group courses for its public page: plans and prices, age range, weekly times and seats left",
  request: { params: slugParams },
  responses: { 200: jsonResponse(PublicCourseListSchema, "The courses"), ...problems(404) },
});

const getOffer = createRoute({
  method: "get",
  path: "/class-offers/{token}",
  tags,
  summary: "What a waitlist offer's link shows (no login): the class, the student and until when the seat is held",
  description: `Reading never acts (mail scanners open links). ${LINK_RULES}`,
  request: { params: tokenParams },
  responses: { 200: jsonResponse(ClassOfferSchema, "The offer"), ...problems(404, 410) },
});

const claimOffer = createRoute({
  method: "post",
  path: "/class-offers/{token}/claim",
  tags,
  summary: "Claim the held seat from the offer's link (no login): the student is admitted on the plan they waited for",
  description: `409 when the offer was claimed, declined or has lapsed. ${LINK_RULES}`,
  request: { params: tokenParams },
  responses: { 200: jsonResponse(ClassOfferSchema, "Claimed"), ...problems(404, 409, 410) },
});

const declineOffer = createRoute({
  method: "post",
  path: "/class-offers/{token}/decline",
  tags,
  summary: "Decline the held seat from the offer's link (no login): it is offered to the next student waiting",
  description: `409 when the offer was claimed, declined or has lapsed. ${LINK_RULES}`,
  request: { params: tokenParams },
  responses: { 200: jsonResponse(ClassOfferSchema, "Declined"), ...problems(404, 409, 410) },
});

export const publicClassRoutes = createRouter()
  .openapi(publicCourses, async (c) => c.json(await Classes.publicCoursesBySlug(c.req.valid("param").slug, c.var.clock()), 200))
  .openapi(getOffer, async (c) => c.json(await Classes.getClassOffer(c.req.valid("param").token, c.var.clock()), 200, PRIVATE))
  .openapi(claimOffer, async (c) => c.json(await Classes.claimClassOffer(c.req.valid("param").token, c.var.clock()), 200, PRIVATE))
  .openapi(declineOffer, async (c) => c.json(await Classes.declineClassOffer(c.req.valid("param").token, c.var.clock()), 200, PRIVATE));
