import type { AstroGlobal } from "astro";
import { api } from "./api";
import { call } from "./call";
import { movedStudioRedirect } from "./public-studio";

/**
 * Public pages are the same for every visitor: shared caches (a CDN) may keep them a minute and
 * serve a stale copy for five while they refresh; browsers ask again each time, so a visitor who
 * just booked sees the time gone (a slot taken meanwhile is refused with a clear message).
 */
export const PUBLIC_PAGE_CACHE = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/** Everything the studio page shows but its files, or a redirect when `slug` is an old address; undefined: no such studio. */
export async function loadOfferings(astro: AstroGlobal, slug: string) {
  const result = await call(api().v1.public.studios[":slug"].offerings.$get({ param: { slug } }));
  if (!result.ok && result.status >= 500) throw new Error(`Offerings of ${slug}: API answered ${result.status}`);
  if (!result.ok) return undefined;
  return result.data.studio.slug === slug ? result.data : movedStudioRedirect(astro, result.data.studio.slug);
}

export type Offerings = NonNullable<Exclude<Awaited<ReturnType<typeof loadOfferings>>, Response>>;

/** A public teacher's page (their slots for one trial length), a redirect for an old address, or undefined (404). */
export async function loadTeacherPage(astro: AstroGlobal, slug: string, teacherId: string, durationMinutes?: number) {
  const result = await call(
    api().v1.public.studios[":slug"].teachers[":teacherId"].$get({
      param: { slug, teacherId },
      query: durationMinutes ? { durationMinutes } : {},
    }),
  );
  if (!result.ok && result.status >= 500) throw new Error(`Teacher page ${slug}/${teacherId}: API answered ${result.status}`);
  if (!result.ok) return { status: result.status };
  return result.data.studio.slug === slug ? result.data : movedStudioRedirect(astro, result.data.studio.slug);
}
