export * from "./goals";
export * from "./lesson-plans";
export * from "./practice-logs";
export { GOAL_STATUSES } from "./goal.entity";
