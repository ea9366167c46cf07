import { may, hiddenRecord, type Actor } from "../../policy";
import { loadLessonFor } from "../../scheduling";
import { teachingDb } from "../teaching-db";
import type { LessonNoteRecord } from "./lesson-note-view";

/**
 * A lesson the actor may read and one of its notes they may see (two reads, three for a parent).
 * A lesson they may not read, or a note hidden from them by its flags → 404.
 */
export async function loadLessonNote(actor: Actor, studioId: string, lessonId: string, noteId: string) {
  const loaded = await loadLessonFor(actor, studioId, lessonId);
  const { data } = await teachingDb().entities.lessonNote.get({ studioId, lessonId, noteId }).go({ consistent: true });
  const note = data as LessonNoteRecord | null;
  if (!note || !may(loaded.member, "note.view", note)) throw hiddenRecord("Lesson note");
  return { ...loaded, note };
}
