import { createRoute } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as ApiKeys from "@studiosync/core/api-keys";
import { createRouter } from "../http/router";
import { pathId, secured, studioParams } from "../http/route-params";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { ApiKeyPageSchema, ApiKeySchema, NewApiKeySchema } from "../schemas/usage";

const tags = ["API keys"];
const keyParams = studioParams.extend({ keyId: pathId("keyId") });

const listKeys = createRoute({
  method: "get",
  path: "/{studioId}/api-keys",
  tags,
  summary: "The studio's API keys, newest first (owners): active, expired and revoked",
  ...secured,
  request: { params: studioParams, query: ApiKeys.listApiKeysQuerySchema },
  responses: { 200: jsonResponse(ApiKeyPageSchema, "A page of keys"), ...problems(401, 403, 404, 422) },
});

const createKey = createRoute({
  method: "post",
  path: "/{studioId}/api-keys",
  tags,
  summary: "Create an API key (owners): a name, its scopes (read, write, billing) and how many days it lives (90 by default, at most 365)",
  description:
    "The answer carries the key (`token`) once; only its hash is kept. A key calls this studio's routes as `Authorization: Bearer <key>` with an admin's reach, " +
    "limited by its scopes: `read` for GET, `write` for changes, `billing` for billing, invoices, payments and usage. It never reaches members, " +
    "invitations, access requests, privacy, API keys, webhooks or domains, nor another studio (404). 600 requests a minute a key (429 beyond).",
  ...secured,
  request: { params: studioParams, body: jsonBody(ApiKeys.createApiKeySchema.openapi("CreateApiKeyRequest")) },
  responses: { 201: jsonResponse(NewApiKeySchema, "The new key, with its token"), ...problems(400, 401, 403, 404, 422) },
});

const revokeKey = createRoute({
  method: "delete",
  path: "/{studioId}/api-keys/{keyId}",
  tags,
  summary: "Revoke an API key (owners): it stops working at once",
  ...secured,
  request: { params: keyParams },
  responses: { 200: jsonResponse(ApiKeySchema, "The revoked key"), ...problems(401, 403, 404, 409) },
});

/** The studio's API keys, under /v1/studios. */
export const apiKeyRoutes = createRouter()
  .openapi(listKeys, async (c) => c.json(await ApiKeys.listApiKeys(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createKey, async (c) => c.json(await ApiKeys.createApiKey(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(revokeKey, async (c) => {
    const { studioId, keyId } = c.req.valid("param");
    return c.json(await ApiKeys.revokeApiKey(c.get("actor"), studioId, keyId), 200);
  });
