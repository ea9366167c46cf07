import { db } from "../../db";
import { toPublicTeacher } from "./teacher-view";
import { liveStudioBySlug } from "../../studios";

/** How many listed teachers one public page looks at: a studio page, not a search engine. */
const PUBLIC_PAGE_SCAN = 200;

/**
 * The teachers a studio's public page shows (public and active), by name, for anyone: the studio
 * by slug (one call) and one query of the name index, filtered.
 */
export async function listPublicTeachers(slug: string) {
  const studio = await liveStudioBySlug(slug);
  const { data } = await db()
    .entities.teacher.query.teachersByName({ studioId: studio.studioId, listing: "listed" })
    .where((a, op) => `${op.eq(a.isPublic, true)} AND ${op.eq(a.isActive, true)}`)
    .go({ limit: PUBLIC_PAGE_SCAN, pages: 1 });
  return { items: await Promise.all(data.map(toPublicTeacher)) };
}
