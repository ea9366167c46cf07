import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { booleanQueryField, recordIdField, requiredText, searchQueryField, text } from "../../people";
import { durationMinutesField } from "../../scheduling";
import { booleanField, tagList, textList } from "../fields";

/** A reusable lesson plan (seeds: LessonPlan). `null` clears a field on PATCH; `[]` empties a list. */
const planFields = {
  title: requiredText(200),
  description: text(4000).nullable(),
  /** Instrument or subject. */
  specialty: text(60).nullable(),
  /** Recommended length. */
  durationMinutes: durationMinutesField.nullable(),
  objectives: textList(50),
  materials: textList(50),
  activities: textList(50),
  tags: tagList,
  /** Shared with the studio's other teachers. */
  isPublic: booleanField,
};

export const createLessonPlanSchema = z.object(planFields).partial().required({ title: true }).strict();
export type CreateLessonPlanInput = z.infer<typeof createLessonPlanSchema>;

export const updateLessonPlanSchema = z.object(planFields).partial().strict();
export type UpdateLessonPlanInput = z.infer<typeof updateLessonPlanSchema>;

export const listLessonPlansQuerySchema = pageQuerySchema
  .extend({
    /** One author's plans (a teacher sees a colleague's public ones only). */
    teacherId: recordIdField.optional(),
    /** Only the caller's own plans. */
    mine: booleanQueryField.optional(),
    /** Title prefix, case- and accent-insensitive. */
    q: searchQueryField.optional(),
  })
  .refine((query) => !(query.mine && query.teacherId), { message: "must not be combined with mine=true", path: ["teacherId"] });
export type ListLessonPlansQuery = z.infer<typeof listLessonPlansQuerySchema>;
