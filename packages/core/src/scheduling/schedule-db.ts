import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { tenantEntities } from "../db/tenant-entities";
import { AvailabilityEntity } from "./availability/availability.entity";
import { DayScheduleEntity } from "./bookings/day-schedule.entity";
import { ClosureEntity } from "./closures/closure.entity";
import { LessonLinkUseEntity } from "./lesson-actions/link-use.entity";
import { SlotOfferEntity } from "./slot-offers/slot-offer.entity";
import { LessonAttendeeEntity } from "./lessons/lesson-attendee.entity";
import { LessonEntity } from "./lessons/lesson.entity";
import { MakeupCreditEntity } from "./makeups/makeup-credit.entity";
import { JobCursorEntity, ReminderDueEntity, ReminderSentEntity } from "./reminders/reminder-due.entity";
import { RescheduleRequestEntity } from "./reschedules/reschedule-request.entity";
import { SchedulingSettingsEntity } from "./settings/scheduling-settings.entity";

/**
 * The scheduling entities, with the people and audit entities their transactions
 * span. A second ElectroDB service over the same table, so the platform, people and access
 * Lambdas do not carry these models (see README: Lambda bundles).
 */
export const schedulingEntities = {
  ...tenantEntities,
  lesson: LessonEntity,
  lessonAttendee: LessonAttendeeEntity,
  daySchedule: DayScheduleEntity,
  reminderDue: ReminderDueEntity,
  reminderSent: ReminderSentEntity,
  jobCursor: JobCursorEntity,
  availability: AvailabilityEntity,
  closure: ClosureEntity,
  schedulingSettings: SchedulingSettingsEntity,
  makeupCredit: MakeupCreditEntity,
  rescheduleRequest: RescheduleRequestEntity,
  lessonLinkUse: LessonLinkUseEntity,
  slotOffer: SlotOfferEntity,
};

/** The scheduling service (same table, same client as db()). */
export const scheduleDb = tableService(schedulingEntities);

/** The scheduling entities as a transaction callback receives them. */
export type ScheduleTx = TransactionEntities<typeof scheduleDb>;
