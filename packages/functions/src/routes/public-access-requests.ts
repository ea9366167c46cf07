import { createRoute, z } from "@hono/zod-openapi";
import { AccessRequests } from "@studiosync/core";
import { clientIp } from "../http/client-ip";
import { idempotencyRequest } from "../http/idempotency";
import { idempotencyHeader } from "../http/route-params";
import { createRouter } from "../http/router";
import { jsonBody, problems } from "../schemas/problem";

const requestAccess = createRoute({
  method: "post",
  path: "/studios/{slug}/access-requests",
  tags: ["Access requests"],
  summary: "Ask to join a studio from its public page; an admin approves (by invitation) or rejects",
  description:
    "The requester gets a confirmation email and the studio's owners and admins an email with a link to the request. " +
    "A retry with the same Idempotency-Key and body (a double submit) creates nothing and sends nothing again.",
  request: {
    params: z.object({
      slug: z
        .string()
        .max(100)
        .openapi({ param: { name: "slug", in: "path" }, example: "riverside-music" }),
    }),
    headers: idempotencyHeader,
    body: jsonBody(AccessRequests.createAccessRequestSchema.openapi("CreateAccessRequest")),
  },
  responses: { 202: { description: "Received; the studio reviews it" }, ...problems(400, 404, 422, 429) },
});

export const publicAccessRequestRoutes = createRouter().openapi(requestAccess, async (c) => {
  const idempotency = await idempotencyRequest(c, "access-request");
  await AccessRequests.requestAccess(c.req.valid("param").slug, c.req.valid("json"), { ip: clientIp(c), idempotency });
  return c.body(null, 202);
});
