import { AccessRequestEntity } from "../access-requests/module";
import { BillingAccountEntity, InvoiceEntity, PaymentEntity } from "../billing/module";
import { ClassEnrolmentEntity, WaitlistEntryEntity } from "../classes/module";
import { tenantEntities } from "../db";
import { InvitationEntity } from "../invitations/module";
import { LoanEntity } from "../lending/module";
import { tableService } from "../kernel/db/table-service";
import { LessonAttendeeEntity } from "../scheduling/module";
import { CalendarFeedEntity, GoalEntity, LessonNoteEntity, PracticeLogEntity } from "../teaching/module";

/**
 * What a privacy export reads and an erasure rewrites beyond the person's own record: their
 * lessons (attendee items carry the lesson and the attendance), notes, goals, practice logs,
 * feeds, billing, loans (and loan requests), class seats and waitlist places (the name they carry), and the invitations and access requests made with their email.
 */
export const privacyDb = tableService({
  ...tenantEntities,
  lessonAttendee: LessonAttendeeEntity,
  lessonNote: LessonNoteEntity,
  goal: GoalEntity,
  practiceLog: PracticeLogEntity,
  calendarFeed: CalendarFeedEntity,
  billingAccount: BillingAccountEntity,
  invoice: InvoiceEntity,
  payment: PaymentEntity,
  loan: LoanEntity,
  classEnrolment: ClassEnrolmentEntity,
  waitlistEntry: WaitlistEntryEntity,
  invitation: InvitationEntity,
  accessRequest: AccessRequestEntity,
});
