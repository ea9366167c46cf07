import { logFailure } from "../../kernel/log/log-failure";
import { optedOutAmong } from "../../notifications";
import { scheduleDb } from "../schedule-db";
import { deliverReminder } from "./deliver-reminder";
import { readReminderLesson, readReminderPeople } from "./reminder-context";
import { addHours, hourOf, type ReminderHour } from "./reminder-hours";
import { reminderRecipients } from "./reminder-recipients";

export const REMINDER_JOB = "lesson-reminders";
/** Where a first run starts (no cursor yet). */
const FIRST_RUN_HOURS_BACK = 48;
/**
 * lessonWrites puts a reminder into the current hour at the latest, so an hour gets no new items
 * once it is over; the grace covers a transaction still in flight at the turn of the hour.
 */
const SETTLE_MS = 5 * 60_000;
const PAGE = 100;
const CONCURRENCY = 8;

export interface ReminderRun {
  hours: number;
  lessons: number;
  sent: number;
  alreadySent: number;
  /** Recipients left out because their address stopped this studio's reminders. */
  unsubscribed: number;
  skipped: number;
  failed: number;
  /** The last hour bucket now fully done (the job cursor). */
  doneThrough: ReminderHour | null;
}

interface DueItem {
  hour: string;
  studioId: string;
  lessonId: string;
}

/**
 * The reminder job: works through the ReminderDue hour buckets from the one after the cursor up
 * to the current hour (re-reading the current hour every run), emails each due lesson's students
 * and guardians (outbox), and deletes each bucket item once its lesson is handled. The cursor only
 * moves past hours that are over and fully handled, so a lesson that failed is retried by the next run.
 * No Scan: one Query per hour bucket. Safe to run twice (ReminderSent dedups each email).
 */
export async function sendLessonReminders({ now }: { now: Date }): Promise<ReminderRun> {
  const { jobCursor } = scheduleDb().entities;
  const { data: cursor } = await jobCursor.get({ job: REMINDER_JOB }).go();
  const current = hourOf(now);
  const settled = addHours(hourOf(new Date(now.getTime() - SETTLE_MS)), -1);
  const run: ReminderRun = { hours: 0, lessons: 0, sent: 0, alreadySent: 0, unsubscribed: 0, skipped: 0, failed: 0, doneThrough: cursor?.doneThrough ?? null };

  let complete = true;
  let hour = cursor ? addHours(cursor.doneThrough, 1) : hourOf(new Date(now.getTime() - FIRST_RUN_HOURS_BACK * 3_600_000));
  for (; hour <= current; hour = addHours(hour, 1)) {
    run.hours++;
    complete = (await processHour(hour, now, run)) && complete;
    if (complete && hour <= settled) run.doneThrough = hour;
  }
  if (run.doneThrough && run.doneThrough !== cursor?.doneThrough) {
    await jobCursor.put({ job: REMINDER_JOB, doneThrough: run.doneThrough }).go();
  }
  if (run.lessons + run.skipped + run.failed > 0) console.log(JSON.stringify({ level: "info", message: "lesson reminders", ...run }));
  return run;
}

/** One hour bucket, page by page; true when every lesson in it was handled. */
async function processHour(hour: ReminderHour, now: Date, run: ReminderRun): Promise<boolean> {
  const { reminderDue } = scheduleDb().entities;
  let complete = true;
  let cursor: string | null = null;
  do {
    const page: { data: DueItem[]; cursor: string | null } = await reminderDue.query.reminderDue({ hour }).go({ cursor, limit: PAGE, pages: 1 });
    for (let i = 0; i < page.data.length; i += CONCURRENCY) {
      const results = await Promise.all(page.data.slice(i, i + CONCURRENCY).map((item) => processLesson(item, now, run)));
      complete = results.every(Boolean) && complete;
    }
    cursor = page.cursor;
  } while (cursor);
  return complete;
}

/**
 * One due lesson. Still scheduled, still in the future and still keyed to this hour: enqueue
 * everyone's reminder (the outbox sends and retries them), then drop the bucket item. Anything else
 * (cancelled, moved, started, gone): drop it. Returns false when that failed (the item stays for
 * the next run).
 */
async function processLesson(item: DueItem, now: Date, run: ReminderRun): Promise<boolean> {
  try {
    const found = await readReminderLesson(item.studioId, item.lessonId);
    const lesson = found?.lesson;
    const due =
      lesson && lesson.status === "scheduled" && (lesson.reminderHour ?? item.hour) === item.hour && Date.parse(lesson.scheduledStart) > now.getTime();
    if (!found || !due) {
      run.skipped++;
      await deleteDue(item);
      return true;
    }
    const context = await readReminderPeople(found);
    const recipients = reminderRecipients(context.students, context.guardiansOf);
    const stopped = await optedOutAmong(
      item.studioId,
      recipients.map((r) => r.key),
      "reminders",
    );
    run.unsubscribed += stopped.size;
    // An address that stopped reminders (or takes them in the digest) still gets the notice in the app.
    for (const recipient of recipients) {
      const held = stopped.has(recipient.key);
      const outcome = await deliverReminder(context, recipient, now, held);
      if (held) continue;
      if (outcome === "sent") run.sent++;
      else run.alreadySent++;
    }
    run.lessons++;
    await deleteDue(item);
    return true;
  } catch (error) {
    run.failed++;
    logFailure(`lesson reminder ${item.studioId}/${item.lessonId}`, error);
    return false;
  }
}

const deleteDue = (item: DueItem) => scheduleDb().entities.reminderDue.delete({ hour: item.hour, studioId: item.studioId, lessonId: item.lessonId }).go();
