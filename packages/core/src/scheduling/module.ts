import type { CoreModule } from "../kernel/core-module";
import { AvailabilityEntity } from "./availability/availability.entity";
import { ClosureEntity } from "./closures/closure.entity";
import { DayScheduleEntity } from "./bookings/day-schedule.entity";
import { JobCursorEntity, ReminderDueEntity, ReminderSentEntity } from "./reminders/reminder-due.entity";
import { LessonAttendeeEntity } from "./lessons/lesson-attendee.entity";
import { LessonEntity } from "./lessons/lesson.entity";
import { LessonLinkUseEntity } from "./lesson-actions/link-use.entity";
import { MakeupCreditEntity } from "./makeups/makeup-credit.entity";
import { RescheduleRequestEntity } from "./reschedules/reschedule-request.entity";
import { SchedulingSettingsEntity } from "./settings/scheduling-settings.entity";
import { SlotOfferEntity } from "./slot-offers/slot-offer.entity";

export * from "./availability/availability.entity";
export * from "./bookings/day-schedule.entity";
export * from "./closures/closure.entity";
export * from "./lesson-actions/link-use.entity";
export * from "./lessons/lesson-attendee.entity";
export * from "./lessons/lesson.entity";
export * from "./makeups/makeup-credit.entity";
export * from "./reminders/reminder-due.entity";
export * from "./reschedules/reschedule-request.entity";
export * from "./settings/scheduling-settings.entity";
export * from "./slot-offers/slot-offer.entity";

/**
 * The scheduling module's declaration: the entities it owns (lessons and attendees, day schedules,
 * reminders and job cursors, availability, closures, settings, make-up credits, reschedule
 * requests, lesson link uses and slot offers), with their record types. The ElectroDB services
 * (db/, each module's *-db.ts) are composed from these declarations; other modules reach the
 * entities through this file, not through their files.
 */
export const schedulingModule = {
  name: "scheduling",
  entities: {
    availability: AvailabilityEntity,
    closure: ClosureEntity,
    daySchedule: DayScheduleEntity,
    jobCursor: JobCursorEntity,
    lessonAttendee: LessonAttendeeEntity,
    lesson: LessonEntity,
    lessonLinkUse: LessonLinkUseEntity,
    makeupCredit: MakeupCreditEntity,
    reminderDue: ReminderDueEntity,
    reminderSent: ReminderSentEntity,
    rescheduleRequest: RescheduleRequestEntity,
    schedulingSettings: SchedulingSettingsEntity,
    slotOffer: SlotOfferEntity,
  },
} as const satisfies CoreModule;
