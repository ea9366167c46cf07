import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { durationMinutesField, instantField } from "../fields";
import { LESSON_TYPES } from "./lesson.entity";

const optionalText = (max: number) => text(max).min(1, "must not be empty").optional();
export const onlineUrlField = z
  .string()
  .trim()
  .url("must be a URL")
  .max(500, "must be at most 500 characters")
  .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL");

/** Where and how a lesson happens; shared by lessons and recurring patterns. */
export const lessonPlaceFields = {
  title: optionalText(120),
  location: optionalText(200),
  roomName: optionalText(80),
  onlineUrl: onlineUrlField.optional(),
};

export const createLessonSchema = z
  .object({
    teacherId: recordIdField,
    studentId: recordIdField.optional(),
    bandId: recordIdField.optional(),
    type: z.enum(LESSON_TYPES).default("private"),
    scheduledStart: instantField,
    scheduledEnd: instantField.optional(),
    durationMinutes: durationMinutesField.optional(),
    ...lessonPlaceFields,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (Boolean(value.studentId) === Boolean(value.bandId)) {
      ctx.addIssue({ code: "custom", path: ["studentId"], message: "give either studentId or bandId" });
    }
    if (value.bandId && value.type === "private") ctx.addIssue({ code: "custom", path: ["type"], message: "a band lesson is group, ensemble or online" });
    if (Boolean(value.scheduledEnd) === Boolean(value.durationMinutes)) {
      ctx.addIssue({ code: "custom", path: ["scheduledEnd"], message: "give either scheduledEnd or durationMinutes" });
    }
    if (value.scheduledEnd) {
      const minutes = (Date.parse(value.scheduledEnd) - Date.parse(value.scheduledStart)) / 60_000;
      if (minutes < 5) ctx.addIssue({ code: "custom", path: ["scheduledEnd"], message: "must be at least 5 minutes after scheduledStart" });
      if (minutes > 480) ctx.addIssue({ code: "custom", path: ["scheduledEnd"], message: "must be at most 8 hours after scheduledStart" });
    }
  });
export type CreateLessonInput = z.infer<typeof createLessonSchema>;

export { pageQuerySchema };
