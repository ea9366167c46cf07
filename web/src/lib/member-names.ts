import type { AstroGlobal } from "astro";
import { LINK_ACTOR_PREFIX } from "@studiosync/core/scheduling";
import { apiKeyActorName } from "./api-keys";
import { asUser } from "./session";

/** Member names by user id, for "who did it" columns (the first 100 members; admins only). */
export async function memberNames(astro: AstroGlobal, studioId: string): Promise<Map<string, string> | null> {
  const members = await asUser(astro, (c) => c.v1.studios[":studioId"].members.$get({ param: { studioId }, query: { limit: 100 } }));
  if (!members) return null;
  return new Map((members.ok ? members.data.items : []).map((m) => [m.userId, m.name ?? m.email ?? "A member"]));
}

/** Who did something, for audit rows: a member's name, a family acting from an emailed link, an API key, or `missing`. */
export function actorName(names: ReadonlyMap<string, string> | null | undefined, actorId: string, missing: string): string {
  const name = names?.get(actorId);
  if (name) return name;
  if (actorId.startsWith(LINK_ACTOR_PREFIX)) return `From an email link (${actorId.slice(LINK_ACTOR_PREFIX.length)})`;
  return apiKeyActorName(actorId) ?? missing;
}
