import { createRoute } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Webhooks from "@studiosync/core/webhooks";
import { createRouter } from "../http/router";
import { pathId, secured, studioParams } from "../http/route-params";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import {
  WebhookDeliveryDetailSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from "../schemas/webhooks";

const tags = ["Webhooks"];
const endpointParams = studioParams.extend({ endpointId: pathId("endpointId") });
const deliveryParams = endpointParams.extend({ deliveryId: pathId("deliveryId") });
const base = "/{studioId}/webhook-endpoints";

const signing =
  'Each delivery is a POST of `{ id, type, created, studioId, data: { object } }` with `StudioSync-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>`, ' +
  "and `StudioSync-Event-Id`, `StudioSync-Event-Type`, `StudioSync-Delivery-Id`. A 2xx within 10 s is delivered; anything else is tried again after 1 and 5 minutes, " +
  "30 minutes, 2, 6, 12 and 24 hours. An endpoint whose delivery failed every attempt for a day is turned off and its owners are emailed. " +
  "Deliveries go only to public addresses: a name resolving to a private, loopback or link-local address is refused at each attempt.";

const listEndpoints = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "The studio's webhook endpoints (owners)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(WebhookEndpointListSchema, "The endpoints"), ...problems(401, 403, 404) },
});

const createEndpoint = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Subscribe a URL to the studio's events (owners): lesson, invoice, payment, student and lead events; at most 10 endpoints",
  description: `The answer carries the signing secret once. ${signing}`,
  ...secured,
  request: { params: studioParams, body: jsonBody(Webhooks.createWebhookEndpointSchema.openapi("CreateWebhookEndpointRequest")) },
  responses: { 201: jsonResponse(WebhookEndpointWithSecretSchema, "The endpoint, with its secret"), ...problems(400, 401, 403, 404, 409, 422) },
});

const getEndpoint = createRoute({
  method: "get",
  path: `${base}/{endpointId}`,
  tags,
  summary: "One webhook endpoint (owners)",
  ...secured,
  request: { params: endpointParams },
  responses: { 200: jsonResponse(WebhookEndpointSchema, "The endpoint"), ...problems(401, 403, 404) },
});

const updateEndpoint = createRoute({
  method: "patch",
  path: `${base}/{endpointId}`,
  tags,
  summary: "Change a webhook endpoint (owners): its URL, description, event types, or turn it off or back on",
  ...secured,
  request: { params: endpointParams, body: jsonBody(Webhooks.updateWebhookEndpointSchema.openapi("UpdateWebhookEndpointRequest")) },
  responses: { 200: jsonResponse(WebhookEndpointSchema, "The endpoint"), ...problems(400, 401, 403, 404, 409, 422) },
});

const deleteEndpoint = createRoute({
  method: "delete",
  path: `${base}/{endpointId}`,
  tags,
  summary: "Delete a webhook endpoint (owners): no more deliveries",
  ...secured,
  request: { params: endpointParams },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

const rollSecret = createRoute({
  method: "post",
  path: `${base}/{endpointId}/secret`,
  tags,
  summary: "Roll the endpoint's signing secret (owners): the new one is in this answer only and signs from now on",
  ...secured,
  request: { params: endpointParams },
  responses: { 200: jsonResponse(WebhookEndpointWithSecretSchema, "The endpoint, with its new secret"), ...problems(401, 403, 404, 409) },
});

const sendTest = createRoute({
  method: "post",
  path: `${base}/{endpointId}/test`,
  tags,
  summary: "Send a `ping` event to the endpoint (owners), to check the receiver",
  ...secured,
  request: { params: endpointParams },
  responses: { 202: jsonResponse(WebhookDeliverySchema, "The delivery, attempted at once"), ...problems(401, 403, 404, 409) },
});

const listDeliveries = createRoute({
  method: "get",
  path: `${base}/{endpointId}/deliveries`,
  tags,
  summary: "The endpoint's deliveries, newest first (owners), optionally of one status; kept 30 days",
  ...secured,
  request: { params: endpointParams, query: Webhooks.listWebhookDeliveriesQuerySchema },
  responses: { 200: jsonResponse(WebhookDeliveryPageSchema, "A page of deliveries"), ...problems(401, 403, 404, 422) },
});

const getDelivery = createRoute({
  method: "get",
  path: `${base}/{endpointId}/deliveries/{deliveryId}`,
  tags,
  summary: "One delivery with its body, its attempts and the receiver's last answer (owners)",
  ...secured,
  request: { params: deliveryParams },
  responses: { 200: jsonResponse(WebhookDeliveryDetailSchema, "The delivery"), ...problems(401, 403, 404) },
});

const replayDelivery = createRoute({
  method: "post",
  path: `${base}/{endpointId}/deliveries/{deliveryId}/replay`,
  tags,
  summary: "Send a delivery's event again (owners): a new delivery with the same body and event id",
  ...secured,
  request: { params: deliveryParams },
  responses: { 202: jsonResponse(WebhookDeliverySchema, "The new delivery, attempted at once"), ...problems(401, 403, 404, 409) },
});

/** The studio's webhook endpoints and their deliveries, under /v1/studios. */
export const webhookEndpointRoutes = createRouter()
  .openapi(listEndpoints, async (c) => c.json(await Webhooks.listWebhookEndpoints(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(createEndpoint, async (c) => c.json(await Webhooks.createWebhookEndpoint(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getEndpoint, async (c) => {
    const { studioId, endpointId } = c.req.valid("param");
    return c.json(await Webhooks.getWebhookEndpoint(c.get("actor"), studioId, endpointId), 200);
  })
  .openapi(updateEndpoint, async (c) => {
    const { studioId, endpointId } = c.req.valid("param");
    return c.json(await Webhooks.updateWebhookEndpoint(c.get("actor"), studioId, endpointId, c.req.valid("json")), 200);
  })
  .openapi(deleteEndpoint, async (c) => {
    const { studioId, endpointId } = c.req.valid("param");
    await Webhooks.deleteWebhookEndpoint(c.get("actor"), studioId, endpointId);
    return c.body(null, 204);
  })
  .openapi(rollSecret, async (c) => {
    const { studioId, endpointId } = c.req.valid("param");
    return c.json(await Webhooks.rollWebhookSecret(c.get("actor"), studioId, endpointId), 200);
  })
  .openapi(sendTest, async (c) => {
    const { studioId, endpointId } = c.req.valid("param");
    return c.json(await Webhooks.sendTestWebhook(c.get("actor"), studioId, endpointId), 202);
  })
  .openapi(listDeliveries, async (c) => {
    const { studioId, endpointId } = c.req.valid("param");
    return c.json(await Webhooks.listWebhookDeliveries(c.get("actor"), studioId, endpointId, c.req.valid("query")), 200);
  })
  .openapi(getDelivery, async (c) => {
    const { studioId, endpointId, deliveryId } = c.req.valid("param");
    return c.json(await Webhooks.getWebhookDelivery(c.get("actor"), studioId, endpointId, deliveryId), 200);
  })
  .openapi(replayDelivery, async (c) => {
    const { studioId, endpointId, deliveryId } = c.req.valid("param");
    return c.json(await Webhooks.replayWebhookDelivery(c.get("actor"), studioId, endpointId, deliveryId), 202);
  });
