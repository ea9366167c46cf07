import { AccessRequestEntity } from "../access-requests/access-request.entity";
import { BillingAccountEntity } from "../billing/accounts/billing-account.entity";
import { InvoiceEntity } from "../billing/invoices/invoice.entity";
import { PaymentEntity } from "../billing/payments/payment.entity";
import { tableService } from "../kernel/db/table-service";
import { tenantEntities } from "../db/tenant-entities";
import { InvitationEntity } from "../invitations/invitation.entity";
import { CalendarFeedEntity } from "../teaching/feeds/calendar-feed.entity";
import { LessonAttendeeEntity } from "../scheduling/lessons/lesson-attendee.entity";
import { LessonNoteEntity } from "../teaching/notes/lesson-note.entity";
import { GoalEntity } from "../teaching/goal.entity";
import { PracticeLogEntity } from "../teaching/practice-log.entity";

/**
 * What a privacy export reads and an erasure rewrites beyond the person's own record: their
 * lessons (attendee items carry the lesson and the attendance), notes, goals, practice logs,
 * feeds, billing, and the invitations and access requests made with their email.
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
  invitation: InvitationEntity,
  accessRequest: AccessRequestEntity,
});
