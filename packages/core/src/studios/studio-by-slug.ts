import { db } from "../db";
import { notFound } from "../kernel/errors";
import { slugSchema } from "./schemas";
import { isLive, type StudioRecord } from "./studio-view";

/**
 * The live studio at a public address, current or old: the slug index first (one query); a slug
 * it does not know is looked up among the claimed slugs, which keep a studio's old addresses
 * (and a just-changed one before the index catches up). Unknown, inactive and deleted studios are
 * all "not found". The record's `slug` is the current address: a caller that asked for another
 * one redirects there.
 */
export async function liveStudioBySlug(slug: string): Promise<StudioRecord> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) throw notFound("Studio");
  const { data } = await db().entities.studio.query.studioBySlug({ slug: parsed.data }).go({ limit: 1 });
  const record = data[0] ?? (await studioByClaimedSlug(parsed.data));
  if (!record || !isLive(record)) throw notFound("Studio");
  return record;
}

async function studioByClaimedSlug(slug: string): Promise<StudioRecord | undefined> {
  const { data: claim } = await db().entities.studioSlug.get({ slug }).go();
  if (!claim) return undefined;
  const { data: studio } = await db().entities.studio.get({ studioId: claim.studioId }).go();
  return studio ?? undefined;
}
