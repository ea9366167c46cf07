import type { APIRoute } from "astro";
import { api } from "../../../../lib/api";
import { call } from "../../../../lib/call";
import { fileQuery, fileRedirect } from "../../../../lib/resources";

/**
 * One material of a "New material" email's page (no login: the signed link is the credential): a
 * redirect to a five-minute link from the API, `?disposition=inline` to play or show it in the
 * page. 404 once it is no longer shared with the household; 410 once the link has expired.
 */
export const GET: APIRoute = async ({ params, url }) => {
  const token = encodeURIComponent(params.token ?? "");
  const resourceId = params.resourceId ?? "";
  const { disposition } = fileQuery(url);
  const result = await call(api().v1.public.materials[":token"][":resourceId"].download.$get({ param: { token, resourceId }, query: { disposition } }));
  return fileRedirect(!result.ok && result.status === 400 ? { ok: false, status: 404 } : result);
};
