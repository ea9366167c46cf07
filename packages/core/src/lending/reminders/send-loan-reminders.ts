import { itemOf, readTogether } from "../../kernel/db/read-together";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { logFailure } from "../../kernel/log/log-failure";
import { addDays, localParts, zonedInstant, type LocalDate } from "../../kernel/time/wall-clock";
import { outboxEmails } from "../../outbox";
import type { StudentRecord } from "../../people/module";
import { lendingDb } from "../lending-db";
import type { LoanRecord } from "../loan.entity";
import type { StudioRecord } from "../../studios/module";
import { studentContacts } from "../../people";
import { loanReminderEmails } from "../loans/loan-emails";
import { reminderAfter } from "./steps";

export const LOAN_REMINDER_JOB = "loan-reminders";
/** Reminders go out from this local time of their day on, not at midnight. */
export const REMIND_FROM = "09:00";
const FIRST_RUN_DAYS_BACK = 7;
const SETTLE_MS = 5 * 60_000;
const PAGE = 100;

interface LoanDueItem {
  day: string;
  studioId: string;
  loanId: string;
  step: string;
}

export interface LoanReminderRun {
  days: number;
  /** Reminder steps done (an email to each contact). */
  sent: number;
  emailsQueued: number;
  /** Queue items dropped: their loan was returned, changed or is gone. */
  dropped: number;
  /** Items whose day (from 09:00) has not begun yet in their studio's time zone. */
  waiting: number;
  failed: number;
  doneThrough: LocalDate | null;
}

const utcDate = (instant: Date): LocalDate => instant.toISOString().slice(0, 10);

/**
 * The overdue-loan reminder job (hourly): works through the LoanDue day buckets from the one after
 * its cursor up to tomorrow's UTC date (studios east of UTC are a day ahead), like the invoice
 * dunning job. Each item whose local day has reached 09:00 in its studio is one step, in ONE
 * transaction conditional on the loan still being out and waiting for exactly that step (so a
 * step is done once, however many runs race): the step is recorded on the loan, the queue item
 * moves to the next step (or goes), and the reminder emails are enqueued (outbox, deterministic
 * ids). No Scan: one Query per day bucket. Safe to run twice.
 */
export async function sendLoanReminders({ now }: { now: Date }): Promise<LoanReminderRun> {
  const { jobCursor } = lendingDb().entities;
  const { data: cursor } = await jobCursor.get({ job: LOAN_REMINDER_JOB }).go();
  const last = addDays(utcDate(now), 1);
  const settled = addDays(utcDate(new Date(now.getTime() - SETTLE_MS)), -2);
  const start = cursor ? (cursor.doneThrough < settled ? addDays(cursor.doneThrough, 1) : addDays(settled, 1)) : addDays(utcDate(now), -FIRST_RUN_DAYS_BACK);
  const run: LoanReminderRun = { days: 0, sent: 0, emailsQueued: 0, dropped: 0, waiting: 0, failed: 0, doneThrough: addDays(start, -1) };
  let complete = true;
  for (let day = start; day <= last; day = addDays(day, 1)) {
    run.days++;
    complete = (await processDay(day, now, run)) && complete;
    if (complete && day <= settled) run.doneThrough = day;
  }
  if (run.doneThrough !== cursor?.doneThrough) await jobCursor.put({ job: LOAN_REMINDER_JOB, doneThrough: run.doneThrough! }).go();
  if (run.sent + run.dropped + run.failed > 0) console.log(JSON.stringify({ level: "info", message: "loan reminders", ...run }));
  return run;
}

async function processDay(day: LocalDate, now: Date, run: LoanReminderRun): Promise<boolean> {
  const { loanDue } = lendingDb().entities;
  let complete = true;
  let cursor: string | null = null;
  do {
    const page: { data: LoanDueItem[]; cursor: string | null } = await loanDue.query.loanDue({ day }).go({ cursor, limit: PAGE, pages: 1 });
    for (const item of page.data) complete = (await processItem(item, now, run)) && complete;
    cursor = page.cursor;
  } while (cursor);
  return complete;
}

/** One queue item; false when it is still pending (not due yet in its zone, or it failed). */
async function processItem(item: LoanDueItem, now: Date, run: LoanReminderRun): Promise<boolean> {
  try {
    const outcome = await remindOnce(item, now);
    if (outcome === "waiting") {
      run.waiting++;
      return false;
    }
    if (outcome === "dropped") run.dropped++;
    else {
      run.sent++;
      run.emailsQueued += outcome.emails;
    }
    return true;
  } catch (error) {
    run.failed++;
    logFailure(`loan reminder ${item.studioId}/${item.loanId} (${item.step} on ${item.day})`, error);
    return false;
  }
}

async function remindOnce(item: LoanDueItem, now: Date): Promise<"waiting" | "dropped" | { emails: number }> {
  const { studioId, loanId } = item;
  const { loan: loans, studio: studios, student: students, loanDue } = lendingDb().entities;
  const [loan, studio] = (await readTogether(itemOf(loans, { studioId, loanId }), itemOf(studios, { studioId }))) as [LoanRecord | null, StudioRecord | null];
  const drop = async () => {
    await loanDue.delete({ day: item.day, studioId, loanId }).go();
    return "dropped" as const;
  };
  if (!loan || !studio || studio.deletedAt || loan.status !== "out" || loan.nextReminderDay !== item.day || loan.nextReminderStep !== item.step) return drop();
  if (now < zonedInstant(item.day, REMIND_FROM, studio.timeZone)) return "waiting";
  const today = localParts(now, studio.timeZone).date;
  const [student] = await readTogether(itemOf(students, { studioId, studentId: loan.studentId }));
  const contacts = await studentContacts(studioId, student as StudentRecord | null);
  const emails = loanReminderEmails(studio, loan, student as StudentRecord | null, contacts, item.step, today);
  const next = reminderAfter(loan.dueDate, item.step);
  // A later step that is due already (the job was down) is not sent separately: the next run does it.
  const rejected = await commitWritesOr(lendingDb, (tx) => [
    rejectedAs(
      (next
        ? tx.loan
            .patch({ studioId, loanId })
            .append({ remindersSent: [item.step] })
            .set({ nextReminderDay: next.day, nextReminderStep: next.step })
        : tx.loan
            .patch({ studioId, loanId })
            .append({ remindersSent: [item.step] })
            .remove(["nextReminderDay", "nextReminderStep"])
      )
        .where(
          (a, op) =>
            `${op.eq(a.status, "out")} AND ${op.eq(a.nextReminderDay, item.day)} AND ${op.eq(a.nextReminderStep, item.step)} AND NOT ${op.contains(a.remindersSent, item.step)}`,
        )
        .commit(),
      "done",
    ),
    rejectedAs(
      tx.loanDue
        .delete({ day: item.day, studioId, loanId })
        .where((a, op) => op.eq(a.step, item.step))
        .commit(),
      "done",
    ),
    ...(next ? [tx.loanDue.create({ day: next.day, studioId, loanId, step: next.step }).commit()] : []),
    ...outboxEmails(tx, emails, now),
  ]);
  if (rejected) return "dropped";
  return { emails: emails.length };
}
