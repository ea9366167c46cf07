import { createRoute, z } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Domains from "@studiosync/core/domains";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { StudioDomainListSchema, StudioDomainSchema } from "../schemas/domains";

const tags = ["Domains"];
const domainParams = studioParams.extend({
  hostname: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: "hostname", in: "path" }, example: "www.riverside-music.com" }),
});

const listDomains = createRoute({
  method: "get",
  path: "/{studioId}/domains",
  tags,
  summary: "The studio's own domains (owners), and its free address under the platform's domain",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(StudioDomainListSchema, "The studio's domains"), ...problems(401, 403, 404) },
});

const addDomain = createRoute({
  method: "post",
  path: "/{studioId}/domains",
  tags,
  summary: "Attach a domain (owners): pending until its TXT record is published and checked",
  description:
    "The hostname is normalized (lower case, punycode) and must be a public DNS name: not an IP address, not the platform's domain or a name under it. " +
    "One hostname belongs to one studio (409 `domain.taken`); a studio has at most 5. The answer names the TXT record to publish; " +
    "a domain not verified within 7 days lapses.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Domains.addDomainSchema.openapi("AddDomainRequest")) },
  responses: { 201: jsonResponse(StudioDomainSchema, "The domain, pending"), ...problems(400, 401, 403, 404, 409, 422) },
});

const verifyDomain = createRoute({
  method: "post",
  path: "/{studioId}/domains/{hostname}/verify",
  tags,
  summary: "Check a domain's TXT record now (owners): verified, the site serves the studio there",
  description:
    "409 `domain.not_verified` when the record is missing, holds another value, or the lookup failed — its detail says which (also kept as `lastError`). " +
    "A verified domain answers as it is. 30 checks an hour a studio (429 beyond).",
  ...secured,
  request: { params: domainParams },
  responses: { 200: jsonResponse(StudioDomainSchema, "The domain, verified"), ...problems(401, 403, 404, 409, 429) },
});

const removeDomain = createRoute({
  method: "delete",
  path: "/{studioId}/domains/{hostname}",
  tags,
  summary: "Detach a domain (owners): the site stops serving the studio there",
  ...secured,
  request: { params: domainParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});

/** The studio's own domains, under /v1/studios. */
export const domainRoutes = createRouter()
  .openapi(listDomains, async (c) => c.json(await Domains.listDomains(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(addDomain, async (c) => c.json(await Domains.addDomain(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(verifyDomain, async (c) => {
    const { studioId, hostname } = c.req.valid("param");
    return c.json(await Domains.verifyDomain(c.get("actor"), studioId, hostname), 200);
  })
  .openapi(removeDomain, async (c) => {
    const { studioId, hostname } = c.req.valid("param");
    await Domains.removeDomain(c.get("actor"), studioId, hostname);
    return c.body(null, 204);
  });
