import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { emailBrand } from "../../email";
import { notice, portalPath } from "../../notifications";
import { outboxEmail } from "../../outbox";
import { replyAddressOf, replyIdFor } from "../../kernel/keys/reply-token";
import { localParts } from "../../kernel/time/wall-clock";
import { lessonClaims } from "../lesson-actions/action-links";
import { remindersDb } from "./reminders-db";
import type { ReminderContext } from "./reminder-context";
import { reminderEmail } from "./reminder-email";
import type { ReminderRecipient } from "./reminder-recipients";

export type DeliveryOutcome = "sent" | "already_sent";

/** Dedup records outlive their lesson by this long, then TTL removes them. */
const KEEP_SECONDS = 30 * 86_400;

/** A lesson's reply address stays good this long after its lesson (a late "can't make it" is answered, not bounced). */
const REPLY_VALID_AFTER_MS = 7 * 86_400_000;

/**
 * Enqueues one recipient's reminder of the lesson at most once per local day of the lesson: the
 * ReminderSent item (created on condition that it does not exist, so two runs racing enqueue once)
 * and the email (outbox, which sends and retries it) commit together. A private lesson's reminder
 * is Reply-To the recipient's own reply address for it (written in the same transaction): a reply
 * "cancel" or "confirm" acts on the lesson, anything else goes to the studio as a message.
 * `hold`: the recipient stopped reminders or gets them in the daily digest: the email is not sent,
 * only its notice goes to their notification centre.
 */
export async function deliverReminder(context: ReminderContext, recipient: ReminderRecipient, now: Date, hold = false): Promise<DeliveryOutcome> {
  const { lesson, studio } = context;
  const key = {
    studioId: lesson.studioId,
    lessonId: lesson.lessonId,
    recipient: recipient.key,
    day: localParts(lesson.scheduledStart, studio.timeZone).date,
  };
  const replyId = lessonClaims(studio, lesson, recipient.email) ? replyIdFor(lesson.studioId, "lesson", lesson.lessonId, recipient.party) : null;
  const rejected = await commitWritesOr(remindersDb, (tx) =>
    rejectedAs(
      [
        tx.reminderSent.create({ ...key, sentAt: now.toISOString(), expiresAt: Math.floor(Date.parse(lesson.scheduledEnd) / 1000) + KEEP_SECONDS }).commit(),
        outboxEmail(tx, {
          scope: lesson.studioId,
          messageId: `lesson-reminder#${lesson.lessonId}#${recipient.key}#${key.day}`,
          to: recipient.email,
          email: reminderEmail(context, recipient),
          brand: emailBrand(studio),
          ...(replyId ? { replyTo: replyAddressOf(replyId) } : {}),
          notice: notice(studio, "reminders", `lesson:${lesson.lessonId}`, {
            link: portalPath(lesson.studioId, "lessons", lesson.lessonId),
          }),
          hold,
        }),
        ...(replyId && !hold
          ? [
              tx.replyAddress
                .put({
                  replyId,
                  studioId: lesson.studioId,
                  target: "lesson",
                  lessonId: lesson.lessonId,
                  party: recipient.party,
                  email: recipient.key,
                  validUntil: new Date(Date.parse(lesson.scheduledEnd) + REPLY_VALID_AFTER_MS).toISOString(),
                })
                .commit(),
            ]
          : []),
      ],
      "already_sent",
    ),
  );
  return rejected ? "already_sent" : "sent";
}
