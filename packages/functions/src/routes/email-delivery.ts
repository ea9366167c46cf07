import { createRoute } from "@hono/zod-openapi";
import { EmailDelivery } from "@studiosync/core";
import { secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { DeliveryProblemPageSchema, UndeliverableAddressesSchema } from "../schemas/email-delivery";
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

export const emailDeliveryRoutes = createRouter()
  .openapi(listProblems, async (c) => c.json(await EmailDelivery.listDeliveryProblems(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(undeliverable, async (c) => c.json(await EmailDelivery.undeliverableAmong(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200));
