import type { Actor } from "../../policy";
import { loadLessonPlan } from "./lesson-plan-access";
import { toLessonPlan } from "./lesson-plan-view";

/** One plan: admins any, teachers their own and the public ones; anyone else 404. */
export async function getLessonPlan(actor: Actor, studioId: string, planId: string) {
  const { plan } = await loadLessonPlan(actor, studioId, planId);
  return toLessonPlan(plan);
}
