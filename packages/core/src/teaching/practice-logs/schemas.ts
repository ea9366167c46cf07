import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { localDateField } from "../../kernel/fields/calendar-fields";
import { recordIdField, text } from "../../people";
import { textList } from "../fields";

/** Practice a student did on one local day (minutes, pieces). */
export const createPracticeLogSchema = z
  .object({
    studentId: recordIdField,
    /** The local date practised, in the studio's time zone; not in the future. */
    practisedOn: localDateField,
    minutes: z.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(600, "must be at most 600"),
    pieces: textList(20, 200).optional(),
    notes: text(2000).nullable().optional(),
  })
  .strict();
export type CreatePracticeLogInput = z.infer<typeof createPracticeLogSchema>;

export const listPracticeLogsQuerySchema = pageQuerySchema
  .extend({
    studentId: recordIdField,
    /** First local date (inclusive). */
    from: localDateField.optional(),
    /** Last local date (inclusive). */
    to: localDateField.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });
export type ListPracticeLogsQuery = z.infer<typeof listPracticeLogsQuerySchema>;
