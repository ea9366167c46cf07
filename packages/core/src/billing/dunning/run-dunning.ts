import { logFailure } from "../../kernel/log/log-failure";
import { addDays, type LocalDate } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";
import { performDunningStep, type DunningDueItem } from "./perform-dunning-step";

export const DUNNING_JOB = "invoice-dunning";
/** Where a first run starts (no cursor yet). */
const FIRST_RUN_DAYS_BACK = 7;
/**
 * Local "today" is at most one day behind the UTC date (UTC−12) and one ahead (UTC+14). Sending
 * an invoice or re-opening one schedules its next step on the studio's today at the earliest, so
 * a bucket gets no new items once its day is over everywhere (two days behind the UTC date, with
 * a grace for a transaction in flight at midnight).
 */
const SETTLE_MS = 5 * 60_000;
const PAGE = 100;
const CONCURRENCY = 8;

export interface DunningRun {
  /** Day buckets read. */
  days: number;
  /** Steps done (a reminder each, to every billing contact). */
  steps: number;
  /** Reminder emails enqueued with their steps (the outbox sends them). */
  emailsQueued: number;
  lateFees: number;
  /** Items dropped: their invoice was paid, voided, rescheduled or is gone. */
  dropped: number;
  /** Items whose day (from REMIND_FROM, 09:00) has not begun yet in their studio's time zone. */
  waiting: number;
  /** Items that could not be done this run (they stay for the next). */
  failed: number;
  /** The last day bucket fully done (the job cursor). */
  doneThrough: LocalDate | null;
}

const utcDate = (instant: Date): LocalDate => instant.toISOString().slice(0, 10);

/**
 * The dunning job: works through the DunningDue day buckets from the one after the cursor up to
 * tomorrow's UTC date (studios east of UTC are a day ahead), re-reading the days that can still
 * change on every run. Each due item whose local day has reached 09:00 in its studio is one step (see
 * `performDunningStep`: one transaction with its reminder emails, deduplicated on the invoice). The cursor only moves past days that are over everywhere and fully
 * done. No Scan: one Query per day bucket. Safe to run twice, or twice at once.
 */
export async function runDunning({ now }: { now: Date }): Promise<DunningRun> {
  const { jobCursor } = billingDb().entities;
  const { data: cursor } = await jobCursor.get({ job: DUNNING_JOB }).go();
  const last = addDays(utcDate(now), 1);
  const settled = addDays(utcDate(new Date(now.getTime() - SETTLE_MS)), -2);
  // A cursor past `settled` (the clock was set back) must not hide days that can still get items.
  const start = cursor ? (cursor.doneThrough < settled ? addDays(cursor.doneThrough, 1) : addDays(settled, 1)) : addDays(utcDate(now), -FIRST_RUN_DAYS_BACK);
  const run: DunningRun = { days: 0, steps: 0, emailsQueued: 0, lateFees: 0, dropped: 0, waiting: 0, failed: 0, doneThrough: addDays(start, -1) };

  let complete = true;
  for (let day = start; day <= last; day = addDays(day, 1)) {
    run.days++;
    complete = (await processDay(day, now, run)) && complete;
    if (complete && day <= settled) run.doneThrough = day;
  }
  if (run.doneThrough !== cursor?.doneThrough) await jobCursor.put({ job: DUNNING_JOB, doneThrough: run.doneThrough! }).go();
  if (run.steps + run.dropped + run.failed > 0) console.log(JSON.stringify({ level: "info", message: "invoice dunning", ...run }));
  return run;
}

/** One day bucket, page by page; true when nothing in it is left to do. */
async function processDay(day: LocalDate, now: Date, run: DunningRun): Promise<boolean> {
  const { dunningDue } = billingDb().entities;
  let complete = true;
  let cursor: string | null = null;
  do {
    const page: { data: DunningDueItem[]; cursor: string | null } = await dunningDue.query.dunningDue({ day }).go({ cursor, limit: PAGE, pages: 1 });
    for (let i = 0; i < page.data.length; i += CONCURRENCY) {
      const results = await Promise.all(page.data.slice(i, i + CONCURRENCY).map((item) => processItem(item, now, run)));
      complete = results.every(Boolean) && complete;
    }
    cursor = page.cursor;
  } while (cursor);
  return complete;
}

/** One due item; false when it is still pending (not due yet in its zone, or it failed). */
async function processItem(item: DunningDueItem, now: Date, run: DunningRun): Promise<boolean> {
  try {
    const result = await performDunningStep(item, now);
    if (result.outcome === "waiting") {
      run.waiting++;
      return false;
    }
    if (result.outcome === "dropped") run.dropped++;
    if (result.outcome !== "performed") return true;
    run.steps++;
    if (result.lateFeeAddedMinor > 0) run.lateFees++;
    run.emailsQueued += result.contacts.length;
    return true;
  } catch (error) {
    run.failed++;
    logFailure(`invoice dunning ${item.studioId}/${item.invoiceId} (${item.step} on ${item.day})`, error);
    return false;
  }
}
