export { FEE_PLAN_KINDS, type FeePlanKind } from "./fee-plan.entity";
export { coveredSpan, lessonMinutes, rateForLesson, type LessonRate, type RateEnrolment, type RateInput, type RatePlan } from "./lesson-rate";
export { loadRateTables } from "./rate-tables";
export { toEnrolment, toFeePlan, type FeePlan, type FeePlanEnrolment, type FeePlanEnrolmentRecord, type FeePlanRecord } from "./fee-plan-view";
export { FeePlanEnrolmentSchema, FeePlanSchema } from "./fee-plan-schema";
export { createFeePlan } from "./create-fee-plan";
export { getFeePlan, listFeePlans } from "./list-fee-plans";
export { updateFeePlan } from "./update-fee-plan";
export { deleteFeePlan } from "./delete-fee-plan";
export { enrolStudent } from "./enrol-student";
export { removeEnrolment, updateEnrolment } from "./update-enrolment";
export { listEnrolments } from "./list-enrolments";
export {
  createFeePlanSchema,
  enrolStudentSchema,
  listEnrolmentsQuerySchema,
  listFeePlansQuerySchema,
  updateEnrolmentSchema,
  updateFeePlanSchema,
  type CreateFeePlanInput,
  type EnrolStudentInput,
  type ListEnrolmentsQuery,
  type ListFeePlansQuery,
  type UpdateEnrolmentInput,
  type UpdateFeePlanInput,
} from "./schemas";
