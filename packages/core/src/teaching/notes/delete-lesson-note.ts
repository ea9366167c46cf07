import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadLessonNote } from "./lesson-note-access";

/** Deletes a note (admins and the lesson's teachers); the audit event keeps what it said. */
export async function deleteLessonNote(actor: Actor, studioId: string, lessonId: string, noteId: string) {
  const { member, lesson, note: current } = await loadLessonNote(actor, studioId, lessonId, noteId);
  assertMay(member, "lesson.teach", lesson);
  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.lessonNote
        .delete({ studioId, lessonId, noteId })
        .where((a, op) => op.eq(a.updatedAt, current.updatedAt))
        .commit(),
      () => conflict("note.changed", "The note changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lessonNote.deleted", entityType: "lessonNote", entityId: noteId, before: current }),
  ]);
}
