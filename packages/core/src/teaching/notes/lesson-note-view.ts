import type { EntityItem } from "electrodb";
import type { LessonNoteEntity } from "./lesson-note.entity";

export type LessonNoteRecord = EntityItem<typeof LessonNoteEntity>;

export interface LessonNote {
  id: string;
  lessonId: string;
  /** The teacher the note is from. */
  teacherId: string;
  summary: string;
  topicsCovered: string[];
  assignments: string[];
  strengths: string[];
  challenges: string[];
  homework: string | null;
  visibleToStudent: boolean;
  visibleToParent: boolean;
  createdAt: string;
  updatedAt: string;
}

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
