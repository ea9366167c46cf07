import type { Actor } from "../../policy";
import { loadGoal } from "./goal-access";
import { toGoal } from "./goal-view";

/** One goal, for whoever may see its student (admins, their teacher, themself, their parents). */
export async function getGoal(actor: Actor, studioId: string, goalId: string) {
  const { goal } = await loadGoal(actor, studioId, goalId);
  return toGoal(goal);
}
