import { z } from "zod";
import { recordIdField, text } from "../../people";
import { durationMinutesField, instantField } from "../fields";
import { LESSON_STATUSES, LESSON_TYPES } from "./lesson.entity";
import { onlineUrlField } from "./schemas";

const clearable = (max: number) => text(max).min(1, "must not be empty").nullable().optional();

/**
 * PATCH a lesson: move it (scheduledStart / scheduledEnd / durationMinutes), change where and how
 * it happens, hand it to a substitute (`null` gives it back to its own teacher), move its status
 * along a valid edge, record when it really started and ended. `null` clears a field.
 */
export const updateLessonSchema = z
  .object({
    scheduledStart: instantField.optional(),
    scheduledEnd: instantField.optional(),
    durationMinutes: durationMinutesField.optional(),
    type: z.enum(LESSON_TYPES).optional(),
    title: clearable(120),
    location: clearable(200),
    roomName: clearable(80),
    onlineUrl: onlineUrlField.nullable().optional(),
    substituteTeacherId: recordIdField.nullable().optional(),
    status: z
      .enum(LESSON_STATUSES)
      .refine(
        (status) => status !== "cancelled",
        "cancel a lesson with POST /v1/studios/{studioId}/lessons/{lessonId}/cancel, which applies the cancellation policy",
      )
      .optional(),
    actualStart: instantField.nullable().optional(),
    actualEnd: instantField.nullable().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (Object.values(value).every((v) => v === undefined)) ctx.addIssue({ code: "custom", path: [], message: "give at least one field to change" });
    if (value.scheduledEnd !== undefined && value.durationMinutes !== undefined) {
      ctx.addIssue({ code: "custom", path: ["scheduledEnd"], message: "give either scheduledEnd or durationMinutes" });
    }
  });
export type UpdateLessonInput = z.infer<typeof updateLessonSchema>;
