import { z } from "@hono/zod-openapi";
import { LessonSummarySchema } from "./lessons";

const optional = z.string().nullable();
const page = <T extends z.ZodTypeAny>(item: T, name: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

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
export const LessonNotePageSchema = page(LessonNoteSchema, "LessonNotePage");

export const StudentNotesPageSchema = z
  .object({
    studentId: z.string(),
    items: z.array(z.object({ lesson: LessonSummarySchema, notes: z.array(LessonNoteSchema) })),
    nextCursor: z.string().nullable(),
  })
  .openapi("StudentNotesPage");

export const GoalSchema = z
  .object({
    id: z.string(),
    studentId: z.string(),
    teacherId: optional,
    title: z.string(),
    description: optional,
    targetDate: optional.openapi({ example: "2026-12-31" }),
    status: z.enum(["active", "achieved", "abandoned"]),
    progressPercentage: z.number().int().openapi({ example: 40 }),
    achievedAt: optional.openapi({ description: "When it was achieved (UTC)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Goal");
export const GoalPageSchema = page(GoalSchema, "GoalPage");

export const LessonPlanSchema = z
  .object({
    id: z.string(),
    teacherId: optional.openapi({ description: "The author; null for a plan an admin wrote for the studio" }),
    title: z.string(),
    description: optional,
    specialty: optional.openapi({ example: "piano" }),
    durationMinutes: z.number().int().nullable(),
    objectives: z.array(z.string()),
    materials: z.array(z.string()),
    activities: z.array(z.string()),
    tags: z.array(z.string()),
    isPublic: z.boolean().openapi({ description: "Shared with the studio's other teachers" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("LessonPlan");
export const LessonPlanPageSchema = page(LessonPlanSchema, "LessonPlanPage");

export const PracticeLogSchema = z
  .object({
    id: z.string(),
    studentId: z.string(),
    practisedOn: z.string().openapi({ description: "Local date in the studio's time zone", example: "2026-11-20" }),
    minutes: z.number().int(),
    pieces: z.array(z.string()),
    notes: optional,
    recordedBy: z.string().openapi({ description: "The user who recorded it" }),
    createdAt: z.string(),
  })
  .openapi("PracticeLog");
export const PracticeLogPageSchema = page(PracticeLogSchema, "PracticeLogPage");
