import { z } from "zod";

const whole = (min: number, max: number) =>
  z
    .number({ invalid_type_error: "must be a number", required_error: "is required" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const TERM_LENGTHS = ["month", "quarter", "half_year", "year"] as const;

/** PUT cancellation-policy: the whole policy (every field; `maxCreditsPerTerm: null` = no limit). */
export const cancellationPolicySchema = z
  .object({
    /** Hours of notice a student's cancellation needs to earn a make-up credit. */
    noticeHours: whole(0, 720),
    /** Whether cancellations earn make-up credits at all. */
    issueMakeupCredit: z.boolean({ invalid_type_error: "must be true or false", required_error: "is required" }),
    /** Credits a student's own cancellations may earn per term; null: no limit. */
    maxCreditsPerTerm: whole(0, 100).nullable(),
    termLength: z.enum(TERM_LENGTHS, { errorMap: () => ({ message: `must be one of ${TERM_LENGTHS.join(", ")}` }) }),
    /** Days a credit can be spent, counted from the day it is issued (studio time zone). */
    creditExpiryDays: whole(1, 730),
    /** Hours before a lesson its reminder email goes out. */
    reminderLeadHours: whole(1, 168),
    /** Weeks ahead recurring patterns are materialised. */
    horizonWeeks: whole(1, 52),
    /** Email a freed lesson slot to the families holding a make-up credit with its teacher (first to claim it books it). Unchanged when left out. */
    offerFreedSlots: z.boolean({ invalid_type_error: "must be true or false" }).optional(),
  })
  .strict();
export type CancellationPolicyInput = z.infer<typeof cancellationPolicySchema>;
