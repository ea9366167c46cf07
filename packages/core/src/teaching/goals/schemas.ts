import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { localDateField } from "../../kernel/fields/calendar-fields";
import { recordIdField, requiredText, text } from "../../people";
import { GOAL_STATUSES } from "../goal.entity";

const statusField = z.enum(GOAL_STATUSES, { errorMap: () => ({ message: `must be one of ${GOAL_STATUSES.join(", ")}` }) });

/** A student's goal (seeds: StudentGoal). `null` clears a field on PATCH. */
const goalFields = {
  title: requiredText(200),
  description: text(4000).nullable(),
  /** The local date the student aims to reach it by. */
  targetDate: localDateField.nullable(),
  /** "achieved" sets the progress to 100 and records when. */
  status: statusField,
  progressPercentage: z
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be at least 0")
    .max(100, "must be at most 100"),
};

export const createGoalSchema = z
  .object({ studentId: recordIdField, ...goalFields })
  .partial()
  .required({ studentId: true, title: true })
  .strict();
export type CreateGoalInput = z.infer<typeof createGoalSchema>;

export const updateGoalSchema = z.object(goalFields).partial().strict();
export type UpdateGoalInput = z.infer<typeof updateGoalSchema>;

export const listGoalsQuerySchema = pageQuerySchema.extend({
  studentId: recordIdField,
  status: statusField.optional(),
});
export type ListGoalsQuery = z.infer<typeof listGoalsQuerySchema>;
