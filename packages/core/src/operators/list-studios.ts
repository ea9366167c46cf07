import { emailSchema } from "../accounts";
import { liveLogin } from "../accounts";
import { db } from "../db";
import { readMany } from "../kernel/db/read-many";
import { itemOf } from "../kernel/db/read-together";
import { page, type Page } from "../kernel/pagination/pagination";
import { loadOperatorWith, type Actor } from "../policy";
import { directoryName } from "../studios";
import { slugSchema } from "../studios";
import type { StudioRecord } from "../studios/module";
import { operatorsDb } from "./operators-db";
import { PLATFORM_SCOPE } from "./platform-scope";
import type { ListStudiosQuery } from "./schemas";
import { studioSummaries, type OperatorStudioSummary } from "./studio-summary";

const live = (studio: StudioRecord | null | undefined): studio is StudioRecord => Boolean(studio && !studio.deletedAt);

/**
 * Every studio by name, a page at a time (operators), from the directory index: with `q`, the
 * studios whose name starts as `q` does (accents, case and punctuation aside: "harmony-h" finds
 * "Harmony House"), the studio at that exact address (slug) first; an email finds the studios
 * its person belongs to. Each with its pause, owner, this month's usage and bill and its open
 * platform invoices (studio-summary.ts).
 */
export async function listStudios(actor: Actor, query: ListStudiosQuery, now = new Date()): Promise<Page<OperatorStudioSummary>> {
  await loadOperatorWith(actor);
  const q = query.q ?? "";
  if (q.includes("@")) return { items: await studioSummaries(await studiosOfPerson(q), now), nextCursor: null };
  const prefix = directoryName(q);
  if (q && !prefix) return { items: [], nextCursor: null };
  const { studio } = operatorsDb().entities;
  const [result, atAddress] = await Promise.all([
    page(
      { studioId: PLATFORM_SCOPE, list: "operator-studios" },
      (options) => (prefix ? studio.query.studioDirectory({}).begins({ directoryName: prefix }) : studio.query.studioDirectory({})).go(options),
      query,
      (studios) => studios.filter(live),
    ),
    q && !query.cursor ? studioAtAddress(q) : undefined,
  ]);
  const items = atAddress && !result.items.some((s) => s.studioId === atAddress.studioId) ? [atAddress, ...result.items] : result.items;
  return { items: await studioSummaries(items, now), nextCursor: result.nextCursor };
}

/** The studio whose current address is exactly `q` (the slug index: one Query), if `q` is a slug. */
async function studioAtAddress(q: string): Promise<StudioRecord | undefined> {
  const slug = slugSchema.safeParse(q.toLowerCase());
  if (!slug.success) return undefined;
  const { data } = await operatorsDb().entities.studio.query.studioBySlug({ slug: slug.data }).go({ limit: 1 });
  return data.find(live);
}

/** The studios of the person who signs in with `email` (the deliberate email → user lookup, their memberships, the studios). */
async function studiosOfPerson(email: string): Promise<StudioRecord[]> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return [];
  const { data: credential } = await db().entities.credential.get({ email: parsed.data }).go();
  const login = liveLogin(credential);
  if (!login) return [];
  const { data: memberships } = await db().entities.membership.query.membershipsByUser({ userId: login.userId }).go({ pages: "all" });
  const ids = [...new Set(memberships.filter((m) => !m.deletedAt).map((m) => m.studioId))];
  if (ids.length === 0) return [];
  const studios = await readMany(ids.map((studioId) => itemOf(operatorsDb().entities.studio, { studioId })));
  return studios.filter(live).sort((a, b) => a.name.localeCompare(b.name));
}
