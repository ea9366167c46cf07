import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { schedulingEntities } from "../scheduling";
import { CalendarFeedEntity } from "./feeds/calendar-feed.entity";
import { GoalEntity } from "./goal.entity";
import { LessonPlanEntity } from "./lesson-plan.entity";
import { LessonNoteEntity } from "./notes/lesson-note.entity";
import { PracticeLogEntity } from "./practice-log.entity";

/**
 * The teaching records (lesson notes, goals, lesson plans, practice logs, calendar feeds), with
 * the scheduling entities their reads and transactions span: only the teaching Lambda carries them.
 */
export const teachingEntities = {
  ...schedulingEntities,
  lessonNote: LessonNoteEntity,
  goal: GoalEntity,
  lessonPlan: LessonPlanEntity,
  practiceLog: PracticeLogEntity,
  calendarFeed: CalendarFeedEntity,
};

/** The teaching service (same table, same client as the others). */
export const teachingDb = tableService(teachingEntities);

/** The teaching entities as a transaction callback receives them. */
export type TeachingTx = TransactionEntities<typeof teachingDb>;
