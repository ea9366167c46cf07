export { createGoal } from "./create-goal";
export { deleteGoal } from "./delete-goal";
export { getGoal } from "./get-goal";
export { listGoals } from "./list-goals";
export { updateGoal } from "./update-goal";
export * from "./schemas";
export type { Goal } from "./goal-view";
export { GoalSchema } from "./goal-schema";
