import type { LessonNote } from "./lesson-note-schema";

import type { LessonNoteRecord } from "./lesson-note.entity";
export type { LessonNoteRecord } from "./lesson-note.entity";

export type { LessonNote };

export const toLessonNote = (r: LessonNoteRecord): LessonNote => ({
  id: r.noteId,
  lessonId: r.lessonId,
  teacherId: r.teacherId,
  summary: r.summary,
  topicsCovered: r.topicsCovered ?? [],
  assignments: r.assignments ?? [],
  strengths: r.strengths ?? [],
  challenges: r.challenges ?? [],
  homework: r.homework ?? null,
  visibleToStudent: r.visibleToStudent,
  visibleToParent: r.visibleToParent,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
