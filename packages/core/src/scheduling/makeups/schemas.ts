import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField } from "../../people";
import { durationMinutesField, instantField } from "../fields";
import { lessonPlaceFields } from "../lessons/schemas";
import { CREDIT_STATUSES } from "./makeup-credit.entity";

export const listMakeupCreditsQuerySchema = pageQuerySchema.extend({
  /** Whose credits (required, except that a student lists their own by default). */
  studentId: recordIdField.optional(),
  /** "expired" includes available credits already past their expiry date. */
  status: z.enum(CREDIT_STATUSES, { errorMap: () => ({ message: `must be one of ${CREDIT_STATUSES.join(", ")}` }) }).optional(),
});
export type ListMakeupCreditsQuery = z.infer<typeof listMakeupCreditsQuerySchema>;

export const bookMakeupSchema = z
  .object({
    /** Defaults to the teacher of the cancelled lesson. */
    teacherId: recordIdField.optional(),
    scheduledStart: instantField,
    /** Defaults to the cancelled lesson's length. */
    durationMinutes: durationMinutesField.optional(),
    ...lessonPlaceFields,
  })
  .strict();
export type BookMakeupInput = z.infer<typeof bookMakeupSchema>;
