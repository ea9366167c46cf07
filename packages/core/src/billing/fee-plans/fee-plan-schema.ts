import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

/** A fee plan as the API shows it (fee-plan-view.ts maps a record to it). */
export const FeePlanSchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    name: z.string().openapi({ example: "Weekly piano, 30 min" }),
    kind: z.enum(["per_lesson", "monthly", "term"]).openapi({
      description:
        "per_lesson: `amountMinor` for each lesson (overrides the teacher's hourly rate); monthly: a month, covering that month's lessons; term: once for the term, covering its lessons",
    }),
    amountMinor: z.number().int().openapi({ description: "Minor units of `currency`", example: 2500 }),
    currency: z.string().openapi({ example: "GBP" }),
    description: nullable,
    termStart: nullable.openapi({ description: "Term plans: first local date of the term", example: "2027-01-06" }),
    termEnd: nullable.openapi({ description: "Term plans: last local date of the term", example: "2027-03-31" }),
    lessonCount: z.number().int().nullable().openapi({ description: "Term plans: lessons included" }),
    isActive: z.boolean().openapi({ description: "false: archived (no new enrolments; existing ones still apply)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("FeePlan");

export type FeePlan = z.infer<typeof FeePlanSchema>;

/** A student's enrolment in a plan (local dates, inclusive; `endDate` null = open-ended). */
export const FeePlanEnrolmentSchema = z
  .object({
    feePlanId: z.string(),
    studentId: z.string(),
    startDate: z.string().openapi({ description: "First local date the plan applies", example: "2027-01-01" }),
    endDate: nullable.openapi({ description: "Last local date it applies; null: open-ended" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("FeePlanEnrolment");
export type FeePlanEnrolment = z.infer<typeof FeePlanEnrolmentSchema>;
