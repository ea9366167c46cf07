import { logFailure } from "../../accounts/log-failure";
import { sendEmail } from "../../email";
import { scheduleDb } from "../schedule-db";
import { localParts } from "../wall-clock";
import type { ReminderContext } from "./reminder-context";
import { reminderEmail } from "./reminder-email";
import type { ReminderRecipient } from "./reminder-recipients";

export type DeliveryOutcome = "sent" | "already_sent" | "failed";

/** Dedup records outlive their lesson by this long, then TTL removes them. */
const KEEP_SECONDS = 30 * 86_400;

const isConditionalFailure = (error: unknown) =>
  (error as { cause?: { name?: string } })?.cause?.name === "ConditionalCheckFailedException";

/**
 * Sends one recipient the lesson's reminder at most once per local day of the lesson: the
 * ReminderSent item is created on condition that it does not exist *before* sending (so two runs
 * racing send once), and deleted again when SES fails, so a later run retries.
 */
export async function deliverReminder(context: ReminderContext, recipient: ReminderRecipient, now: Date): Promise<DeliveryOutcome> {
  const { lesson, studio } = context;
  const key = {
    studioId: lesson.studioId,
    lessonId: lesson.lessonId,
    recipient: recipient.key,
    day: localParts(lesson.scheduledStart, studio.timeZone).date,
  };
  const { reminderSent } = scheduleDb().entities;
  try {
    await reminderSent.create({ ...key, sentAt: now.toISOString(), expiresAt: Math.floor(Date.parse(lesson.scheduledEnd) / 1000) + KEEP_SECONDS }).go();
  } catch (error) {
    if (isConditionalFailure(error)) return "already_sent";
    throw error;
  }
  try {
    await sendEmail(recipient.email, reminderEmail(context, recipient));
    return "sent";
  } catch (error) {
    logFailure("lesson reminder email", error);
    await reminderSent.delete(key).go();
    return "failed";
  }
}
