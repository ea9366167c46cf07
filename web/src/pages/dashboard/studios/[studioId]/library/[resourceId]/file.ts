import type { APIRoute } from "astro";
import { asUser } from "../../../../../../lib/session";
import { fileQuery, fileRedirect } from "../../../../../../lib/resources";

/**
 * A library file (or a document, or a file in the trash) for staff who may see it: a redirect to a
 * five-minute link from the API — `?disposition=inline` plays or shows it in a page, else it
 * downloads; `?version=` an older version. Pages point players, frames and download links here, so
 * a page left open never holds an expired link. Not signed in: to the login page and back.
 */
export const GET: APIRoute = async (ctx) => {
  const studioId = ctx.params.studioId ?? "";
  const resourceId = ctx.params.resourceId ?? "";
  const result = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"].resources[":resourceId"].download.$get({ param: { studioId, resourceId }, query: fileQuery(ctx.url) }),
  );
  if (!result) return ctx.redirect(`/login?next=${encodeURIComponent(ctx.url.pathname + ctx.url.search)}`, 303);
  return fileRedirect(result);
};
