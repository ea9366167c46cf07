import { leadFollowUpsMessage } from "../../email";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { logFailure } from "../../kernel/log/log-failure";
import { addDays, zonedInstant, type LocalDate } from "../../kernel/time/wall-clock";
import { outboxEmails } from "../../outbox";
import type { StudioRecord } from "../../studios/module";
import { leadsDb } from "../leads-db";
import type { LeadRecord } from "../lead.entity";
import { leadPageUrl, leadsListUrl } from "../lead-emails";
import type { LeadTaskDueRecord } from "../lead-task.entity";

export const LEAD_FOLLOW_UP_JOB = "lead-follow-ups";
/** The email goes from this local time of its day on. */
export const FOLLOW_UPS_FROM = "08:00";
/** An owner is reminded of an overdue task daily for this many days after it was due. */
export const OVERDUE_DAYS = 30;
/** The queue item that carries an owner's overdue tasks to the next day's email. */
export const CARRY_TASK_ID = "overdue";
const FIRST_RUN_DAYS_BACK = 7;
const SETTLE_MS = 5 * 60_000;
const MAX_LISTED = 50;

export interface LeadFollowUpRun {
  days: number;
  /** Owners emailed. */
  sent: number;
  /** Owners already emailed for that day (a second run), or with nothing open any more. */
  skipped: number;
  waiting: number;
  failed: number;
  doneThrough: LocalDate | null;
}

const utcDate = (instant: Date): LocalDate => instant.toISOString().slice(0, 10);

/**
 * The daily "follow-ups due" email (the job runs hourly): works through the LeadTaskDue day
 * buckets after its cursor up to tomorrow's UTC date, one Query per bucket. Each owner with items
 * in a bucket gets, once their studio's day has reached 08:00, ONE email listing all their open
 * tasks due that day or earlier, in a transaction with a per-owner-per-day marker
 * (LeadFollowUpSent, created on condition it does not exist) and the outbox message (deterministic
 * id): a second run, or two runs racing, send nothing more. While tasks stay open the owner's
 * carry-over item puts them on the next day's list (for OVERDUE_DAYS). Safe to run twice.
 */
export async function sendLeadFollowUps({ now }: { now: Date }): Promise<LeadFollowUpRun> {
  const { jobCursor } = leadsDb().entities;
  const { data: cursor } = await jobCursor.get({ job: LEAD_FOLLOW_UP_JOB }).go();
  const last = addDays(utcDate(now), 1);
  const settled = addDays(utcDate(new Date(now.getTime() - SETTLE_MS)), -2);
  const start = cursor ? (cursor.doneThrough < settled ? addDays(cursor.doneThrough, 1) : addDays(settled, 1)) : addDays(utcDate(now), -FIRST_RUN_DAYS_BACK);
  const run: LeadFollowUpRun = { days: 0, sent: 0, skipped: 0, waiting: 0, failed: 0, doneThrough: addDays(start, -1) };
  let complete = true;
  for (let day = start; day <= last; day = addDays(day, 1)) {
    run.days++;
    complete = (await processDay(day, now, run)) && complete;
    if (complete && day <= settled) run.doneThrough = day;
  }
  if (run.doneThrough !== cursor?.doneThrough) await jobCursor.put({ job: LEAD_FOLLOW_UP_JOB, doneThrough: run.doneThrough! }).go();
  if (run.sent + run.failed > 0) console.log(JSON.stringify({ level: "info", message: "lead follow-ups", ...run }));
  return run;
}

async function processDay(day: LocalDate, now: Date, run: LeadFollowUpRun): Promise<boolean> {
  const { data } = await leadsDb().entities.leadTaskDue.query.leadTaskDue({ day }).go({ pages: "all" });
  const owners = new Map<string, LeadTaskDueRecord>();
  for (const item of data) owners.set(`${item.studioId}#${item.ownerId}`, item);
  let complete = true;
  for (const item of owners.values()) {
    try {
      const outcome = await emailOwner(day, item.studioId, item.ownerId, now);
      run[outcome]++;
      if (outcome === "waiting") complete = false;
    } catch (error) {
      run.failed++;
      complete = false;
      logFailure(`lead follow-ups ${item.studioId}/${item.ownerId} on ${day}`, error);
    }
  }
  return complete;
}

async function emailOwner(day: LocalDate, studioId: string, ownerId: string, now: Date): Promise<"sent" | "skipped" | "waiting"> {
  const { studio: studios, user: users, membership: memberships, leadTask, lead: leads } = leadsDb().entities;
  const [studio, user, membership] = await readTogether(
    itemOf(studios, { studioId }),
    itemOf(users, { userId: ownerId }),
    itemOf(memberships, { studioId, userId: ownerId }),
  );
  if (!studio || studio.deletedAt || !user || !membership || membership.deletedAt || membership.deactivatedAt) return "skipped";
  if (now < zonedInstant(day, FOLLOW_UPS_FROM, (studio as StudioRecord).timeZone)) return "waiting";
  // The sort key is dueOn#taskId: tasks due on `day` itself sort below the next day's bound.
  const { data: found } = await leadTask.query
    .tasksByOwner({ studioId, status: "open", ownerId })
    .between({ dueOn: addDays(day, -OVERDUE_DAYS) }, { dueOn: addDays(day, 1) })
    .go({ limit: MAX_LISTED, pages: 1 });
  const tasks = found.filter((t) => t.dueOn <= day);
  if (!tasks.length) return "skipped";
  const leadRecords = (await readTogether(
    ...[...new Set(tasks.map((t) => t.leadId))].map((leadId) => itemOf(leads, { studioId, leadId })),
  )) as (LeadRecord | null)[];
  const names = new Map(leadRecords.filter((l): l is LeadRecord => !!l).map((l) => [l.leadId, `${l.studentFirstName} ${l.studentLastName}`]));
  const email = leadFollowUpsMessage({
    studioName: studio.name,
    greetingName: user.name,
    day,
    leadsUrl: leadsListUrl(studioId),
    tasks: tasks.map((t) => ({
      title: t.title,
      leadName: names.get(t.leadId) ?? "a lead",
      dueOn: t.dueOn,
      overdue: t.dueOn < day,
      url: leadPageUrl(studioId, t.leadId),
    })),
  });
  const outcome = await commitWritesOr(leadsDb, (tx) => [
    rejectedAs(tx.leadFollowUpSent.create({ studioId, ownerId, day, taskIds: tasks.map((t) => t.taskId) }).commit(), "sent"),
    ...outboxEmails(tx, [{ scope: studioId, messageId: `lead-follow-ups#${studioId}#${ownerId}#${day}`, to: user.email, email }], now),
    tx.leadTaskDue.put({ day: addDays(day, 1), studioId, ownerId, taskId: CARRY_TASK_ID }).commit(),
  ]);
  return outcome ? "skipped" : "sent";
}
