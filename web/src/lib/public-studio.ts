import type { AstroGlobal } from "astro";
import { api } from "./api";
import { call } from "./call";

/** What the public layout needs of a studio to wear its brand. */
export interface PublicBrand {
  name: string;
  slug: string;
  themeColor: string | null;
  logoUrl: string | null;
}

async function fetchPublicStudio(slug: string) {
  const result = await call(api().v1.public.studios[":slug"].$get({ param: { slug } }));
  if (!result.ok && result.status >= 500) throw new Error(`Public studio ${slug}: API answered ${result.status}`);
  return result.ok ? result.data : undefined;
}

export type PublicStudio = NonNullable<Awaited<ReturnType<typeof fetchPublicStudio>>>;

/**
 * The studio at `/{slug}/…`, or a permanent redirect when `slug` is one of its old addresses (the
 * API resolves them and names the current one): the same path under the new slug, query kept —
 * 301 for a GET, 308 for a form post so it is posted again there. `undefined`: no such studio.
 */
export async function loadPublicStudio(astro: AstroGlobal, slug: string): Promise<PublicStudio | Response | undefined> {
  const studio = await fetchPublicStudio(slug);
  if (!studio || studio.slug === slug) return studio;
  return movedStudioRedirect(astro, studio.slug);
}

/** `/old-slug/rest?query` → `/new-slug/rest?query`. */
export function movedStudioRedirect(astro: AstroGlobal, slug: string): Response {
  const rest = astro.url.pathname.split("/").slice(2).join("/");
  const location = `/${slug}${rest ? `/${rest}` : ""}${astro.url.search}`;
  return astro.redirect(location, astro.request.method === "GET" || astro.request.method === "HEAD" ? 301 : 308);
}

/**
 * For the 404 page: the studio the first path segment names, if any (a mistyped page under a
 * studio links back to it); a moved studio answers with the redirect to its new address.
 */
export async function studioOfPath(astro: AstroGlobal): Promise<PublicStudio | Response | undefined> {
  const first = astro.url.pathname.split("/")[1] ?? "";
  if (!/^[a-z0-9-]{3,40}$/i.test(first)) return undefined;
  return loadPublicStudio(astro, decodeURIComponent(first));
}
