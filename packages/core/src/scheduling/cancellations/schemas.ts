import { z } from "zod";
import { CANCELLED_BY } from "../lessons/lesson.entity";

export const cancelLessonSchema = z
  .object({
    /** Why, in words; shown on the lesson and in the emails. */
    reason: z
      .string({ required_error: "is required", invalid_type_error: "must be text" })
      .trim()
      .min(1, "must not be empty")
      .max(500, "must be at most 500 characters"),
    /**
     * Whose cancellation it is under the policy. Admins and the lesson's teacher: "studio" by
     * default, "student" when the family called in; students and parents always cancel as "student".
     */
    by: z.enum(CANCELLED_BY, { errorMap: () => ({ message: "must be student or studio" }) }).optional(),
  })
  .strict();
export type CancelLessonInput = z.infer<typeof cancelLessonSchema>;
