import { createRoute } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { createRouter } from "../http/router";
import { CancellationPolicySchema } from "../schemas/cancellations";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Cancellations and make-ups"];

const getPolicy = createRoute({
  method: "get",
  path: "/{studioId}/cancellation-policy",
  tags,
  summary: "The studio's cancellation policy, reminder lead time and pattern horizon (every member)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(CancellationPolicySchema, "The policy (the defaults until an admin sets it)"), ...problems(401, 404) },
});

const putPolicy = createRoute({
  method: "put",
  path: "/{studioId}/cancellation-policy",
  tags,
  summary: "Replace the cancellation policy (admins); applies to cancellations from now on",
  description: "Every field is required; `maxCreditsPerTerm: null` means no limit. Credits already issued keep their expiry date.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Scheduling.cancellationPolicySchema.openapi("CancellationPolicyRequest")) },
  responses: { 200: jsonResponse(CancellationPolicySchema, "The policy now in force"), ...problems(401, 403, 404, 422) },
});

export const cancellationPolicyRoutes = createRouter()
  .openapi(getPolicy, async (c) => c.json(await Scheduling.getCancellationPolicy(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(putPolicy, async (c) => c.json(await Scheduling.setCancellationPolicy(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200));
