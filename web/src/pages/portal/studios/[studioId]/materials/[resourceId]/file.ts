import type { APIRoute } from "astro";
import { asUser } from "../../../../../../lib/session";
import { fileQuery, fileRedirect } from "../../../../../../lib/resources";

/**
 * One of My materials, for the student or parent it is shared with: a redirect to a five-minute
 * link from the API (`?disposition=inline` plays or shows it in the page). Anything not shared with
 * them is a 404. Not signed in: to the login page and back.
 */
export const GET: APIRoute = async (ctx) => {
  const studioId = ctx.params.studioId ?? "";
  const resourceId = ctx.params.resourceId ?? "";
  const { disposition } = fileQuery(ctx.url);
  const result = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"].resources[":resourceId"].download.$get({ param: { studioId, resourceId }, query: { disposition } }),
  );
  if (!result) return ctx.redirect(`/login?next=${encodeURIComponent(ctx.url.pathname + ctx.url.search)}`, 303);
  return fileRedirect(result);
};
