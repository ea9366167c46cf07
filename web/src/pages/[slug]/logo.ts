import type { APIRoute } from "astro";
import { api } from "../../lib/api";
import { call } from "../../lib/call";

/**
 * A studio's logo at a stable address for emails (`/<slug>/logo`): a short-lived redirect to the
 * current file's signed URL, or 404 when the studio has no logo (or no such studio is live).
 */
export const GET: APIRoute = async ({ params }) => {
  const result = await call(api().v1.public.studios[":slug"].$get({ param: { slug: params.slug ?? "" } }));
  if (!result.ok && result.status >= 500) throw new Error(`Public studio ${params.slug}: API answered ${result.status}`);
  const logoUrl = result.ok ? result.data.logoUrl : null;
  if (!logoUrl) return new Response("No logo", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(null, { status: 302, headers: { Location: logoUrl, "Cache-Control": "public, max-age=300" } });
};
