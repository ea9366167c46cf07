/**
 * The closed registry of error reasons. Every error core throws names one of these; the API
 * writes it as the problem's `code` and takes the HTTP status from its category
 * (packages/functions/src/http/problem.ts). A reason is stable once published: clients and the
 * site branch on it. Generic reasons (a field error, a record that is not there or not yours, a
 * sign-in that ended, a limit, an outage) are their own category; domain refusals are dotted
 * `area.reason` names.
 */
export const CATEGORIES = [
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "email_not_verified",
  "invalid_token",
  /** A signed link that was good once and has expired. */
  "gone",
  "payload_too_large",
  /** A backing service (DynamoDB, S3, SES) is unreachable or throttling: 503 with Retry-After. */
  "unavailable",
] as const;

/** An error's category: the generic code the HTTP status follows from. */
export type ErrorCode = (typeof CATEGORIES)[number];

type Generic = { readonly [C in ErrorCode]: C };
const GENERIC = Object.fromEntries(CATEGORIES.map((c) => [c, c])) as Generic;

/** Each reason and its category. */
export const REASONS = {
  ...GENERIC,

  "access_request.already_reviewed": "conflict",
  "access_request.reviewed_meanwhile": "conflict",

  "attendance.lesson_cancelled": "conflict",

  "availability.changed": "conflict",
  "availability.not_yours": "forbidden",

  "band.changed": "conflict",
  "band.not_deleted": "conflict",
  "band.role_not_allowed": "forbidden",

  "billing.teacher_totals_only": "forbidden",
  "billing_account.busy": "conflict",
  "billing_run.account_changed": "conflict",
  "billing_run.busy": "conflict",
  "billing_settings.busy": "conflict",

  "calendar.not_yours": "forbidden",

  "cancellation.group_lesson": "forbidden",
  "cancellation.not_party": "forbidden",
  "cancellation.studio_staff_only": "forbidden",

  "delivery.complained": "conflict",

  "class.admins_only": "forbidden",
  "class.teachers_only": "forbidden",
  "class_enrolment.exists": "conflict",
  "class_offer.closed": "conflict",
  "class_slot.changed": "conflict",
  "class_slot.full": "conflict",
  "class_slot.no_lessons_left": "conflict",
  "class_slot.seats_taken": "conflict",
  "course.inactive": "conflict",
  "waitlist.exists": "conflict",

  "course.changed": "conflict",

  "email.taken": "conflict",

  "enrolment.changed": "conflict",
  "enrolment.exists": "conflict",
  "enrolment.overlaps": "conflict",

  "family.changed": "conflict",
  "family.fields_not_allowed": "forbidden",
  "family.not_deleted": "conflict",
  "family.role_not_allowed": "forbidden",

  "fee_plan.archived": "conflict",
  "fee_plan.changed": "conflict",
  "fee_plan.has_enrolments": "conflict",

  "feed.not_yours": "forbidden",

  "goal.changed": "conflict",
  "goal.teachers_only": "forbidden",

  "idempotency.in_progress": "conflict",
  "idempotency.interrupted": "conflict",
  "idempotency.key_expired": "conflict",

  "invitation.account_created_meanwhile": "conflict",
  "invitation.already_joined": "conflict",
  "invitation.already_member": "conflict",
  "invitation.changed": "conflict",
  "invitation.expired": "invalid_token",
  "invitation.not_pending": "conflict",
  "invitation.profile_taken": "conflict",
  "invitation.replaced": "invalid_token",
  "invitation.revoked": "invalid_token",
  "invitation.studio_closed": "invalid_token",
  "invitation.used": "invalid_token",

  "invoice.admins_only": "forbidden",
  "invoice.already_paid": "conflict",
  "invoice.already_sent": "conflict",
  "invoice.already_void": "conflict",
  "invoice.draft_has_no_page": "conflict",
  "invoice.draft_not_creditable": "conflict",
  "invoice.draft_not_voidable": "conflict",
  "invoice.due_date_passed": "conflict",
  "invoice.empty": "conflict",
  "invoice.fully_credited": "conflict",
  "invoice.lesson_already_billed": "conflict",
  "invoice.page_not_yours": "forbidden",
  "invoice.void": "conflict",

  "item.admins_only": "forbidden",
  "item.changed": "conflict",
  "item.not_lendable": "conflict",
  "item.staff_only": "forbidden",
  "item.unavailable": "conflict",
  "item.units_on_loan": "conflict",

  "lesson.already_started": "conflict",
  "lesson.cancelled": "conflict",
  "lesson.changed": "conflict",
  "lesson.double_booked": "conflict",
  "lesson.locked": "conflict",
  "lesson.not_scheduled": "conflict",
  "lesson.not_started": "conflict",
  "lesson.not_your_student": "forbidden",
  "lesson.not_your_teaching": "forbidden",
  "lesson.staff_only": "forbidden",
  "lesson.status_not_allowed": "conflict",
  "lesson.studio_closed": "conflict",
  "lesson.substitute_admins_only": "forbidden",
  "lesson.teacher_inactive": "conflict",
  "lesson.teachers_only": "forbidden",

  "lesson_plan.changed": "conflict",
  "lesson_plan.not_author": "forbidden",
  "lesson_plan.role_not_allowed": "forbidden",

  "link.cancelled": "conflict",
  "link.credit_expired": "conflict",
  "link.credit_used": "conflict",
  "link.expired": "gone",
  "link.invalid": "not_found",
  "link.moved": "conflict",
  "link.started": "conflict",
  "link.taken": "conflict",
  "link.used": "conflict",

  "lead.admins_only": "forbidden",
  "lead.changed": "conflict",
  "lead.converted": "conflict",
  "lead.merged": "conflict",
  "lead.stage_in_use": "conflict",
  "lead.staff_only": "forbidden",
  "lead.too_many_notes": "conflict",
  "lead.too_many_stages": "conflict",
  "lead.too_many_tasks": "conflict",

  "loan.admins_only": "forbidden",
  "loan.changed": "conflict",
  "loan.household_only": "forbidden",
  "loan.not_out": "conflict",
  "loan.not_requested": "conflict",

  "makeup.credit_expired": "conflict",
  "makeup.credit_revoked": "conflict",
  "makeup.credit_used": "conflict",
  "makeup.slot_taken": "conflict",

  "member.already_deactivated": "conflict",
  "member.changed": "conflict",
  "member.last_owner": "conflict",
  "member.not_deactivated": "conflict",
  "member.owner_only": "forbidden",
  "member.removed_meanwhile": "conflict",

  "note.changed": "conflict",

  "password.changed_meanwhile": "conflict",

  "pattern.changed": "conflict",
  "pattern.continued": "conflict",
  "pattern.double_booked": "conflict",
  "pattern.ended": "conflict",
  "pattern.not_yours": "forbidden",
  "pattern.teachers_only": "forbidden",

  "payment.card_unavailable": "conflict",
  "payment.fully_refunded": "conflict",
  "payment.refund_too_wide": "conflict",

  "people.deleted_admins_only": "forbidden",

  "portal.households_only": "forbidden",

  "practice_log.deleted": "conflict",
  "practice_log.not_household": "forbidden",

  "privacy.not_yours": "forbidden",
  "privacy.subject_changed": "conflict",

  "reschedule.already_answered": "conflict",
  "reschedule.already_pending": "conflict",
  "reschedule.answered_meanwhile": "conflict",
  "reschedule.lesson_not_movable": "conflict",
  "reschedule.not_requester": "forbidden",
  "reschedule.not_yours": "forbidden",
  "reschedule.proposal_passed": "conflict",
  "reschedule.students_only": "forbidden",

  "resource.already_confirmed": "conflict",
  "resource.changed": "conflict",
  "resource.households_only": "forbidden",
  "resource.in_trash": "conflict",
  "resource.not_in_trash": "conflict",
  "resource.not_yours": "forbidden",
  "resource.share_not_allowed": "forbidden",
  "resource.staff_only": "forbidden",
  "resource.storage_full": "payload_too_large",
  "resource.too_large": "payload_too_large",
  "resource.upload_not_usable": "validation_failed",

  "reservation.cancelled": "conflict",
  "reservation.changed": "conflict",
  "reservation.not_yours": "forbidden",
  "reservation.outside_hours": "validation_failed",
  "reservation.past": "validation_failed",

  "role.not_allowed": "forbidden",

  "room.booked_ahead": "conflict",
  "room.changed": "conflict",
  "room.name_taken": "conflict",
  "room.reserve_not_allowed": "forbidden",

  "student.changed": "conflict",
  "student.family_changed": "conflict",
  "student.move_admins_only": "forbidden",
  "student.not_deleted": "conflict",
  "student.not_yours": "forbidden",
  "student.role_not_allowed": "forbidden",

  "studio.changed": "conflict",
  "studio.currency_locked": "conflict",
  "studio.slug_taken": "conflict",

  "teacher.changed": "conflict",
  "teacher.fields_not_allowed": "forbidden",
  "teacher.not_deleted": "conflict",
  "teacher.role_not_allowed": "forbidden",

  "trial.slot_taken": "conflict",
  "trial.already_started": "conflict",

  "workspace.staff_only": "forbidden",
} as const satisfies Record<string, ErrorCode>;

/** A stable error reason: the problem's `code`. An unknown reason does not compile. */
export type Reason = keyof typeof REASONS;

/** The reasons of one category ("conflict" → every reason that answers 409). */
export type ReasonOf<C extends ErrorCode> = { [R in Reason]: (typeof REASONS)[R] extends C ? R : never }[Reason];

export const isReason = (code: string): code is Reason => Object.hasOwn(REASONS, code);
