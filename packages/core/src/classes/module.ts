import type { CoreModule } from "../kernel/core-module";
import { ClassEnrolmentEntity } from "./class-enrolment.entity";
import { ClassSlotEntity } from "./class-slot.entity";
import { CourseEntity } from "./course.entity";
import { ClassOfferDueEntity, WaitlistEntryEntity } from "./waitlist-entry.entity";

export * from "./class-enrolment.entity";
export * from "./class-slot.entity";
export * from "./course.entity";
export * from "./waitlist-entry.entity";

/**
 * The classes module's declaration: courses (with their plans), class slots, the seats in them
 * (class enrolments), waitlist entries and the offer-expiry job's work queue.
 */
export const classesModule = {
  name: "classes",
  entities: {
    course: CourseEntity,
    classSlot: ClassSlotEntity,
    classEnrolment: ClassEnrolmentEntity,
    waitlistEntry: WaitlistEntryEntity,
    classOfferDue: ClassOfferDueEntity,
  },
} as const satisfies CoreModule;
