import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { emailBrand } from "../../email";
import { outboxEmail } from "../../outbox";
import { scheduleDb } from "../schedule-db";
import { localParts } from "../../kernel/time/wall-clock";
import type { ReminderContext } from "./reminder-context";
import { reminderEmail } from "./reminder-email";
import type { ReminderRecipient } from "./reminder-recipients";

export type DeliveryOutcome = "sent" | "already_sent";

/** Dedup records outlive their lesson by this long, then TTL removes them. */
const KEEP_SECONDS = 30 * 86_400;

/**
 * Enqueues one recipient's reminder of the lesson at most once per local day of the lesson: the
 * ReminderSent item (created on condition that it does not exist, so two runs racing enqueue once)
 * and the email (outbox, which sends and retries it) commit together.
 */
export async function deliverReminder(context: ReminderContext, recipient: ReminderRecipient, now: Date): Promise<DeliveryOutcome> {
  const { lesson, studio } = context;
  const key = {
    studioId: lesson.studioId,
    lessonId: lesson.lessonId,
    recipient: recipient.key,
    day: localParts(lesson.scheduledStart, studio.timeZone).date,
  };
  const rejected = await commitWritesOr(scheduleDb, (tx) =>
    rejectedAs(
      [
        tx.reminderSent.create({ ...key, sentAt: now.toISOString(), expiresAt: Math.floor(Date.parse(lesson.scheduledEnd) / 1000) + KEEP_SECONDS }).commit(),
        outboxEmail(tx, {
          scope: lesson.studioId,
          messageId: `lesson-reminder#${lesson.lessonId}#${recipient.key}#${key.day}`,
          to: recipient.email,
          email: reminderEmail(context, recipient),
          brand: emailBrand(studio),
        }),
      ],
      "already_sent",
    ),
  );
  return rejected ? "already_sent" : "sent";
}
