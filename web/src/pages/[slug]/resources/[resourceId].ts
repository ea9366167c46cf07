import type { APIRoute } from "astro";
import { api } from "../../../lib/api";
import { call } from "../../../lib/call";
import { fileQuery, fileRedirect } from "../../../lib/resources";

/**
 * A file the studio shares on its public page, for anyone: a redirect to a five-minute link from
 * the API (`?disposition=inline` to open it in the browser). 404 once it is no longer public.
 */
export const GET: APIRoute = async ({ params, url }) => {
  const slug = params.slug ?? "";
  const resourceId = params.resourceId ?? "";
  const { disposition } = fileQuery(url);
  const result = await call(api().v1.public.studios[":slug"].resources[":resourceId"].download.$get({ param: { slug, resourceId }, query: { disposition } }));
  return fileRedirect(!result.ok && result.status < 500 ? { ok: false, status: 404 } : result);
};
