import { page, type Page } from "../../kernel/pagination/pagination";
import { isStaff, may, type Actor, type StudioMember } from "../../policy";
import { loadLessonFor } from "../../scheduling";
import { teachingDb } from "../teaching-db";
import { toLessonNote, type LessonNote } from "./lesson-note-view";
import type { ListLessonNotesQuery } from "./schemas";

/** Which flag a member's notes query filters on (the catalogue's "note.view" decides each note). */
const audienceOf = (member: StudioMember) => (isStaff(member) ? "all" : member.role === "student" ? "student" : member.role === "parent" ? "parent" : null);

/**
 * A lesson's notes, oldest first, as the member may see them (the catalogue's "note.view"): the lesson
 * and the member in one read, the notes in one query. For students and parents the flag is a
 * filter, so their page may hold fewer than `limit` notes.
 */
export async function listLessonNotes(actor: Actor, studioId: string, lessonId: string, query: ListLessonNotesQuery): Promise<Page<LessonNote>> {
  const { member } = await loadLessonFor(actor, studioId, lessonId);
  const audience = audienceOf(member);
  const notes = teachingDb().entities.lessonNote.query.note({ studioId, lessonId });
  const records = await page(
    { studioId, list: "lesson-notes", params: { lessonId, audience } },
    (options) =>
      (audience === "student"
        ? notes.where((a, op) => op.eq(a.visibleToStudent, true))
        : audience === "parent"
          ? notes.where((a, op) => op.eq(a.visibleToParent, true))
          : notes
      ).go({ ...options, pages: 1 }),
    query,
  );
  return { items: records.items.filter((note) => may(member, "note.view", note)).map(toLessonNote), nextCursor: records.nextCursor };
}
