export { createLessonPlan } from "./create-lesson-plan";
export { deleteLessonPlan } from "./delete-lesson-plan";
export { getLessonPlan } from "./get-lesson-plan";
export { listLessonPlans } from "./list-lesson-plans";
export { updateLessonPlan } from "./update-lesson-plan";
export * from "./schemas";
export type { LessonPlan } from "./lesson-plan-view";
export { LessonPlanSchema } from "./lesson-plan-schema";
