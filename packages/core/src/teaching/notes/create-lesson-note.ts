import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, type Actor } from "../../policy";
import { withoutEmpty } from "../../people";
import { loadLessonFor } from "../../scheduling";
import { teachingDb } from "../teaching-db";
import { toLessonNote, type LessonNoteRecord } from "./lesson-note-view";
import type { CreateLessonNoteInput } from "./schemas";

/**
 * Writes a note on a lesson (admins and its teachers: the one teaching it and the one it was booked
 * with). Hidden from the lesson's students and parents unless `visibleToStudent` / `visibleToParent`. The note is from the writing teacher,
 * or from the lesson's teacher when an admin writes it.
 */
export async function createLessonNote(actor: Actor, studioId: string, lessonId: string, input: CreateLessonNoteInput) {
  const { member, lesson } = await loadLessonFor(actor, studioId, lessonId);
  assertMay(member, "lesson.teach", lesson);
  const now = new Date().toISOString();
  const record = {
    ...withoutEmpty(input),
    summary: input.summary,
    visibleToStudent: input.visibleToStudent ?? false,
    visibleToParent: input.visibleToParent ?? false,
    teacherId: member.role === "teacher" && member.teacherId ? member.teacherId : lesson.teacherId,
    studioId,
    lessonId,
    noteId: uuidv7(),
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  } satisfies LessonNoteRecord;

  await commitWrites(teachingDb, (tx) => [
    tx.lessonNote.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lessonNote.created", entityType: "lessonNote", entityId: record.noteId, after: record }),
  ]);
  return toLessonNote(record);
}
