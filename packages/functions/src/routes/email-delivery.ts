import { createRoute } from "@hono/zod-openapi";
import { EmailDelivery } from "@studiosync/core";
import { secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { DeliveryProblemPageSchema, RetriedAddressSchema, UndeliverableAddressesSchema } from "../schemas/email-delivery";
import { jsonResponse, problems } from "../schemas/problem";

const tags = ["Email delivery"];

const listProblems = createRoute({
  method: "get",
  path: "/{studioId}/email-delivery/problems",
  tags,
  summary: "The studio's emails that did not go out (failed, bounced or reported as spam), newest first (admins)",
  ...secured,
  request: { params: studioParams, query: EmailDelivery.deliveryProblemsQuerySchema },
  responses: { 200: jsonResponse(DeliveryProblemPageSchema, "A page of emails that did not go out"), ...problems(401, 403, 404, 422) },
});

const undeliverable = createRoute({
  method: "get",
  path: "/{studioId}/email-delivery/undeliverable",
  tags,
  summary: "Which of the given addresses no longer get mail because they bounced for good or complained (admins and teachers)",
  description: "Mail to these addresses is not sent: every flow skips them. `emails` is a comma-separated list of at most 20 addresses.",
  ...secured,
  request: { params: studioParams, query: EmailDelivery.undeliverableQuerySchema },
  responses: { 200: jsonResponse(UndeliverableAddressesSchema, "The undeliverable ones among them"), ...problems(401, 403, 404, 422) },
});

const retry = createRoute({
  method: "post",
  path: "/{studioId}/email-delivery/undeliverable/{email}/retry",
  tags,
  summary: "Try an address that bounced for good again, after checking it (admins; a bounce of this studio's own mail; not for complaints)",
  description: "Audited. Mail to the address is sent again; if it bounces again, it is marked again. A complaint answers 409.",
  ...secured,
  request: {
    params: studioParams.extend({
      email: EmailDelivery.retryAddressSchema.shape.email.openapi({ param: { name: "email", in: "path" }, example: "ann@example.com" }),
    }),
  },
  responses: { 200: jsonResponse(RetriedAddressSchema, "Mail to the address is sent again"), ...problems(401, 403, 404, 409, 422) },
});

export const emailDeliveryRoutes = createRouter()
  .openapi(listProblems, async (c) =>
    c.json(await EmailDelivery.listDeliveryProblems(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200),
  )
  .openapi(undeliverable, async (c) => c.json(await EmailDelivery.undeliverableAmong(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(retry, async (c) => c.json(await EmailDelivery.retryAddress(c.get("actor"), c.req.valid("param").studioId, c.req.valid("param")), 200));
