/** Planning the timetable: recurring patterns and their lessons (materialised ahead), their calendar series, and closures. */
export * from "./patterns";
export * from "./closures";
export { firstWeekdayOnOrAfter } from "./patterns/occurrences";
export { planningDb, planningEntities, type PlanningTx } from "./planning-db";
