import { db } from "../../db";
import { toPublicTeacher } from "./teacher-view";
import { liveStudioBySlug } from "../../studios";

/** How many listed teachers one public page looks at: a studio page, not a search engine. */
const PUBLIC_PAGE_SCAN = 200;

/** A studio's public and active teachers, by name: one query of the name index, filtered. */
export async function publicTeacherRecords(studioId: string) {
  const { data } = await db()
    .entities.teacher.query.teachersByName({ studioId, listing: "listed" })
    .where((a, op) => `${op.eq(a.isPublic, true)} AND ${op.eq(a.isActive, true)}`)
    .go({ limit: PUBLIC_PAGE_SCAN, pages: 1 });
  return data;
}

/** The teachers a studio's public page shows (public and active), by name, for anyone: the studio by slug, then its public teachers. */
export async function listPublicTeachers(slug: string) {
  const studio = await liveStudioBySlug(slug);
  return { items: await Promise.all((await publicTeacherRecords(studio.studioId)).map(toPublicTeacher)) };
}
