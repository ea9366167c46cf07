import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { instantField } from "../fields";
import { RESCHEDULE_STATUSES } from "./reschedule-request.entity";

/** A student or parent asks to move one lesson to `proposedStart` (it keeps its length). */
export const createRescheduleRequestSchema = z
  .object({ lessonId: recordIdField, proposedStart: instantField, message: text(1000).min(1, "must not be empty").optional() })
  .strict();
export type CreateRescheduleRequestInput = z.infer<typeof createRescheduleRequestSchema>;

/** Approve or reject, with an optional note the family is emailed. */
export const reviewRescheduleRequestSchema = z.object({ note: text(1000).min(1, "must not be empty").optional() }).strict();
export type ReviewRescheduleRequestInput = z.infer<typeof reviewRescheduleRequestSchema>;

export const listRescheduleRequestsQuerySchema = pageQuerySchema.extend({
  /** Admins: the inbox of one status (default pending); others: a filter. */
  status: z.enum(RESCHEDULE_STATUSES, { errorMap: () => ({ message: `must be one of ${RESCHEDULE_STATUSES.join(", ")}` }) }).optional(),
  studentId: recordIdField.optional(),
});
export type ListRescheduleRequestsQuery = z.infer<typeof listRescheduleRequestsQuerySchema>;
