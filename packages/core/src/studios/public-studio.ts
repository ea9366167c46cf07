import { db } from "../db/service";
import { notFound } from "../errors";
import { slugSchema } from "./schemas";
import { isLive, toPublicStudio } from "./studio-view";

/** A studio's public profile by its slug; unknown, inactive and deleted studios are all "not found". */
export async function getPublicStudio(slug: string) {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) throw notFound("Studio");
  const { data } = await db().entities.studio.query.studioBySlug({ slug: parsed.data }).go({ limit: 1 });
  const record = data[0];
  if (!record || !isLive(record)) throw notFound("Studio");
  return toPublicStudio(record);
}
