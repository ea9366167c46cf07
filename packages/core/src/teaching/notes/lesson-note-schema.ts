import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A lesson note as the API shows it (lesson-note-view.ts maps a record to it). */
export const LessonNoteSchema = z
  .object({
    id: z.string(),
    lessonId: z.string(),
    teacherId: z.string().openapi({ description: "The teacher the note is from" }),
    summary: z.string(),
    topicsCovered: z.array(z.string()),
    assignments: z.array(z.string()),
    strengths: z.array(z.string()),
    challenges: z.array(z.string()),
    homework: optional,
    visibleToStudent: z.boolean().openapi({ description: "The lesson's students see it" }),
    visibleToParent: z.boolean().openapi({ description: "The parents of the lesson's students see it" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("LessonNote");
export type LessonNote = z.infer<typeof LessonNoteSchema>;
