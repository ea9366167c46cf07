import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { applyChanges, splitChanges } from "../../people";
import { teachingDb } from "../teaching-db";
import { loadLessonNote } from "./lesson-note-access";
import { toLessonNote, type LessonNoteRecord } from "./lesson-note-view";
import type { UpdateLessonNoteInput } from "./schemas";

/**
 * Changes a note (admins and the lesson's teachers); who sees the note but does not teach
 * the lesson gets 403. Conditional on the version read: a concurrent change is a 409, not lost.
 */
export async function updateLessonNote(actor: Actor, studioId: string, lessonId: string, noteId: string, input: UpdateLessonNoteInput) {
  const { member, lesson, note: current } = await loadLessonNote(actor, studioId, lessonId, noteId);
  assertMay(member, "lesson.teach", lesson);
  const { set, remove } = splitChanges(input);
  const now = new Date().toISOString();
  const after = { ...applyChanges(current, set, remove, now), updatedBy: actor.userId } as LessonNoteRecord;

  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.lessonNote
        .patch({ studioId, lessonId, noteId })
        .set({ ...(set as Partial<LessonNoteRecord>), updatedBy: actor.userId })
        .remove(remove as never)
        .where((a, op) => op.eq(a.updatedAt, current.updatedAt))
        .commit(),
      () => conflict("note.changed", "The note changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lessonNote.updated", entityType: "lessonNote", entityId: noteId, before: current, after }),
  ]);
  return toLessonNote(after);
}
