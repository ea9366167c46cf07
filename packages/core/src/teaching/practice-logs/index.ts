export { createPracticeLog } from "./create-practice-log";
export { deletePracticeLog } from "./delete-practice-log";
export { listPracticeLogs } from "./list-practice-logs";
export * from "./schemas";
export type { PracticeLog } from "./practice-log-view";
export { PracticeLogSchema } from "./practice-log-schema";
