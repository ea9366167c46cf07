import { liveStudioBySlug } from "./studio-by-slug";
import { toPublicStudio } from "./studio-view";

/**
 * A studio's public profile by its slug, or by one of its old slugs (then `slug` in the answer is
 * the current one, for the site to redirect to); unknown, inactive and deleted studios are all
 * "not found".
 */
export async function getPublicStudio(slug: string) {
  return toPublicStudio(await liveStudioBySlug(slug));
}
