import type { AstroGlobal } from "astro";
import { asUser } from "./session";

/** Member names by user id, for "who did it" columns (the first 100 members; admins only). */
export async function memberNames(astro: AstroGlobal, studioId: string): Promise<Map<string, string> | null> {
  const members = await asUser(astro, (c) => c.v1.studios[":studioId"].members.$get({ param: { studioId }, query: { limit: 100 } }));
  if (!members) return null;
  return new Map((members.ok ? members.data.items : []).map((m) => [m.userId, m.name ?? m.email ?? "A member"]));
}
