import { z } from "@hono/zod-openapi";
import { GoalSchema, LessonNoteSchema, LessonPlanSchema, PracticeLogSchema } from "@studiosync/core/teaching";
import { LessonSummarySchema } from "./lessons";

export { GoalSchema, LessonNoteSchema, LessonPlanSchema, PracticeLogSchema };

const page = <T extends z.ZodTypeAny>(item: T, name: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const LessonNotePageSchema = page(LessonNoteSchema, "LessonNotePage");

export const StudentNotesPageSchema = z
  .object({
    studentId: z.string(),
    items: z.array(z.object({ lesson: LessonSummarySchema, notes: z.array(LessonNoteSchema) })),
    nextCursor: z.string().nullable(),
  })
  .openapi("StudentNotesPage");

export const GoalPageSchema = page(GoalSchema, "GoalPage");

export const LessonPlanPageSchema = page(LessonPlanSchema, "LessonPlanPage");

export const PracticeLogPageSchema = page(PracticeLogSchema, "PracticeLogPage");
