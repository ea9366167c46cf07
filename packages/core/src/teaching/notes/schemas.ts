import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, requiredText, text } from "../../people";
import { booleanField, textList } from "../fields";

/** A teacher's notes on a lesson (seeds: LessonNote). `null` clears homework on PATCH; `[]` empties a list. */
const noteFields = {
  summary: requiredText(4000),
  topicsCovered: textList(50),
  assignments: textList(50),
  strengths: textList(50),
  challenges: textList(50),
  homework: text(4000).nullable(),
  /** The lesson's students see the note. */
  visibleToStudent: booleanField,
  /** The parents of the lesson's students see the note. */
  visibleToParent: booleanField,
};

export const createLessonNoteSchema = z.object(noteFields).partial().required({ summary: true }).strict();
export type CreateLessonNoteInput = z.infer<typeof createLessonNoteSchema>;

export const updateLessonNoteSchema = z.object(noteFields).partial().strict();
export type UpdateLessonNoteInput = z.infer<typeof updateLessonNoteSchema>;

export const listLessonNotesQuerySchema = pageQuerySchema;
export type ListLessonNotesQuery = z.infer<typeof listLessonNotesQuerySchema>;

/** A student's notes, by their lessons newest first: each page reads the notes of up to `limit` lessons. */
export const studentNotesQuerySchema = pageQuerySchema.extend({
  studentId: recordIdField,
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(25, "must be at most 25").default(10),
});
export type StudentNotesQuery = z.infer<typeof studentNotesQuerySchema>;
