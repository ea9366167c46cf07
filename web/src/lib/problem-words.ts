import type { Reason } from "@studiosync/core/kernel";

/**
 * The site's words for the API's reasons (a problem's `code`), written for people (DESIGN.md
 * microcopy: plain words, the studio's vocabulary, no API terms). A reason with no words here is
 * shown in the API's own words when its category's are written for people (a conflict, a refusal,
 * an unusable link), else in its category's plain sentence.
 */
export const REASON_WORDS: Partial<Record<Reason, string>> = {
  // Generic reasons: the API's text is written for developers.
  validation_failed: "Some of what you entered needs fixing: see the messages below.",
  unauthenticated: "Your sign-in has ended. Please sign in again.",
  not_found: "We couldn't find that. It may have been deleted or moved.",
  rate_limited: "Too many attempts in a short time. Please wait a little and try again.",
  unavailable: "We couldn't reach StudioSync just now. Please try again in a moment.",

  // Lesson links from emails (cancel, move, make-up, claim).
  "link.invalid": "This link is not valid: open the latest email from the studio, or contact them",
  "link.expired": "This link has expired: open the latest email from the studio, or contact them",
  "link.used": "This link was already used; the studio has your earlier answer",
  "link.cancelled": "This lesson is cancelled already",
  "link.moved": "This lesson has moved since this email was sent: use the newest email about it",
  "link.started": "This lesson has already started",
  "link.credit_used": "This make-up credit was already used",
  "link.credit_expired": "This make-up credit has expired",
  "link.taken": "Another family took this slot first: choose one of the other free times",

  // Invitation links.
  "invitation.used": "This invitation has already been used.",
  "invitation.revoked": "This invitation was withdrawn by the studio.",
  "invitation.replaced": "A newer invitation email replaced this link. Use the link in the latest email.",
  "invitation.expired": "This invitation has expired. Ask the studio to send a new one.",
  "invitation.studio_closed": "This studio is no longer on StudioSync.",

  // Refusals whose API words name roles and fields rather than what to do.
  "role.not_allowed": "Your role in this studio doesn't allow that. Ask one of the studio's admins.",
  "member.last_owner": "The studio's last owner can't be demoted, deactivated or removed. Make someone else an owner first.",
  "member.owner_only": "Only an owner can make, change or remove owners.",
  "workspace.staff_only": "The Today page is for the studio's teachers and admins.",
  "portal.households_only": "The portal is for students and parents; staff use the workspace.",
  "invoice.admins_only": "Only the studio's admins can change invoices.",
  "billing.teacher_totals_only": "Teachers see only the totals and statuses of their students' billing.",
  "idempotency.in_progress": "This is still being saved. Please wait a moment, then reload the page.",
};
