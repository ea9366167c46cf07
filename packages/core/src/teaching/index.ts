export * from "./goals";
export * from "./lesson-plans";
export * from "./practice-logs";
export * from "./notes";
export * from "./feeds";
export { GOAL_STATUSES } from "./goal.entity";
export { teachingDb, teachingEntities, type TeachingTx } from "./teaching-db";
