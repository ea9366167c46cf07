import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { booleanQueryField, recordIdField, requiredText, text } from "../../people";
import { localDateField } from "../../scheduling";
import { MAX_AMOUNT_MINOR } from "../money";
import { FEE_PLAN_KINDS } from "./fee-plan.entity";

const amountField = z
  .number({ required_error: "is required", invalid_type_error: "must be a number" })
  .int("must be a whole number of minor units")
  .min(0, "must be at least 0")
  .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);
const lessonCountField = z
  .number({ invalid_type_error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(500, "must be at most 500");
const kindField = z.enum(FEE_PLAN_KINDS, { errorMap: () => ({ message: `must be one of ${FEE_PLAN_KINDS.join(", ")}` }) });

/** Term dates belong to term plans only, and a term ends on or after it starts. */
function checkTerm(
  value: { kind?: string; termStart?: string | null; termEnd?: string | null; lessonCount?: number | null },
  ctx: z.RefinementCtx,
  creating: boolean,
) {
  const termFields = (["termStart", "termEnd", "lessonCount"] as const).filter((f) => value[f] !== undefined && value[f] !== null);
  if (value.kind !== undefined && value.kind !== "term") {
    for (const field of termFields) ctx.addIssue({ code: "custom", path: [field], message: "is only for term plans" });
    return;
  }
  if (creating && value.kind === "term") {
    for (const field of ["termStart", "termEnd"] as const)
      if (!value[field]) ctx.addIssue({ code: "custom", path: [field], message: "is required for a term plan" });
  }
  if (value.termStart && value.termEnd && localDateField.safeParse(value.termStart).success && value.termEnd < value.termStart) {
    ctx.addIssue({ code: "custom", path: ["termEnd"], message: "must be on or after termStart" });
  }
}

export const createFeePlanSchema = z
  .object({
    name: requiredText(80),
    /** per_lesson: `amountMinor` a lesson; monthly: a month, covering its lessons; term: once for the term, covering its lessons. */
    kind: kindField,
    amountMinor: amountField,
    description: text(500).optional(),
    /** Term plans: the term's first and last local dates, and how many lessons it includes. */
    termStart: localDateField.optional(),
    termEnd: localDateField.optional(),
    lessonCount: lessonCountField.optional(),
  })
  .strict()
  .superRefine((value, ctx) => checkTerm(value, ctx, true));
export type CreateFeePlanInput = z.infer<typeof createFeePlanSchema>;

/** PATCH a fee plan: any field but its kind; `null` clears the description or lesson count. */
export const updateFeePlanSchema = z
  .object({
    name: requiredText(80),
    amountMinor: amountField,
    description: text(500).nullable(),
    termStart: localDateField,
    termEnd: localDateField,
    lessonCount: lessonCountField.nullable(),
    /** false archives the plan: it takes no new enrolments; those it has still apply. */
    isActive: z.boolean({ invalid_type_error: "must be true or false" }),
  })
  .partial()
  .strict()
  .superRefine((value, ctx) => checkTerm(value, ctx, false));
export type UpdateFeePlanInput = z.infer<typeof updateFeePlanSchema>;

export const listFeePlansQuerySchema = z.object({
  /** Only active (true) or archived (false) plans; both by default. */
  active: booleanQueryField.optional(),
  kind: kindField.optional(),
});
export type ListFeePlansQuery = z.infer<typeof listFeePlansQuerySchema>;

const datesCheck = (value: { startDate?: string; endDate?: string | null }, ctx: z.RefinementCtx) => {
  if (value.startDate && value.endDate && localDateField.safeParse(value.startDate).success && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "must be on or after startDate" });
  }
};

export const enrolStudentSchema = z
  .object({
    studentId: recordIdField,
    /** First local date the plan applies to the student (studio time zone). */
    startDate: localDateField,
    /** Last local date it applies, inclusive; open-ended when left out. */
    endDate: localDateField.optional(),
  })
  .strict()
  .superRefine(datesCheck);
export type EnrolStudentInput = z.infer<typeof enrolStudentSchema>;

/** PATCH an enrolment's dates; `endDate: null` makes it open-ended again. */
export const updateEnrolmentSchema = z.object({ startDate: localDateField, endDate: localDateField.nullable() }).partial().strict().superRefine(datesCheck);
export type UpdateEnrolmentInput = z.infer<typeof updateEnrolmentSchema>;

export const listEnrolmentsQuerySchema = pageQuerySchema;
export type ListEnrolmentsQuery = z.infer<typeof listEnrolmentsQuerySchema>;
