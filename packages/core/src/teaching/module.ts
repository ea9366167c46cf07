import type { CoreModule } from "../kernel/core-module";
import { CalendarFeedEntity } from "./feeds/calendar-feed.entity";
import { GoalEntity } from "./goal.entity";
import { LessonNoteEntity } from "./notes/lesson-note.entity";
import { LessonPlanEntity } from "./lesson-plan.entity";
import { PracticeLogEntity } from "./practice-log.entity";

export * from "./feeds/calendar-feed.entity";
export * from "./goal.entity";
export * from "./lesson-plan.entity";
export * from "./notes/lesson-note.entity";
export * from "./practice-log.entity";

/**
 * The teaching module's declaration: the entities it owns (lesson notes, goals, lesson plans,
 * practice logs and calendar feeds), with their record types. The ElectroDB services (db/, each
 * module's *-db.ts) are composed from these declarations; other modules reach the entities through
 * this file, not through their files.
 */
export const teachingModule = {
  name: "teaching",
  entities: {
    calendarFeed: CalendarFeedEntity,
    goal: GoalEntity,
    lessonNote: LessonNoteEntity,
    lessonPlan: LessonPlanEntity,
    practiceLog: PracticeLogEntity,
  },
} as const satisfies CoreModule;
