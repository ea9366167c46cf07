import { randomUUID } from "node:crypto";
import { billingDb, type BillingRunExecution, runBilling } from "@studiosync/core/billing";
import { addDays, type DbMetrics, resetConfig, withDbMetrics, zonedInstant } from "@studiosync/core/kernel";
import { searchKeys } from "@studiosync/core/people";
import { ensureTableAndBucket } from "../engines/index";

/** One measured run: DynamoDB requests by kind, capacity and wall time. */
export interface MeasuredRun {
  requests: number;
  operations: Record<string, number>;
  rcu: number;
  wcu: number;
  seconds: number;
  invoicesCreated: number;
  linesAdded: number;
  alreadyBilled: number;
}

export interface BillingRunBenchResult {
  accounts: number;
  lessons: number;
  /** Students on a monthly plan (one plan line each, their lessons covered). */
  onMonthlyPlan: number;
  month: string;
  /** The first run: every account's draft, its markers and the accounts it opens. */
  first: MeasuredRun;
  /** The same month again: reads only, nothing new to bill. */
  again: MeasuredRun;
}

const TIME_ZONE = "America/New_York";
const MONTH = "2031-03";
const STUDENTS_PER_TEACHER = 20;
/** Every tenth student is on the monthly plan. */
const PLAN_EVERY = 10;

async function putAll(entity: { put: (items: never[]) => { go: () => Promise<{ unprocessed: unknown[] }> } }, items: unknown[]) {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 5) throw new Error(`${pending.length} items left unprocessed`);
      pending = (await entity.put(pending as never[]).go()).unprocessed;
    }
  }
}

function measured(metrics: DbMetrics, seconds: number, run: BillingRunExecution): MeasuredRun {
  const operations: Record<string, number> = {};
  for (const op of metrics.operations) operations[op] = (operations[op] ?? 0) + 1;
  return {
    requests: metrics.calls,
    operations,
    rcu: Math.round(metrics.rcu * 10) / 10,
    wcu: Math.round(metrics.wcu * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
    invoicesCreated: run.invoicesCreated,
    linesAdded: run.linesAdded,
    alreadyBilled: run.alreadyBilled,
  };
}

async function timedRun(studioId: string): Promise<MeasuredRun> {
  const started = performance.now();
  const { metrics, result } = withDbMetrics(() =>
    runBilling(studioId, { periodStart: `${MONTH}-01`, periodEnd: `${MONTH}-31`, trigger: "manual", actorId: "bench" }),
  );
  const run = await result;
  const seconds = (performance.now() - started) / 1000;
  if (run.failed.length > 0) throw new Error(`billing run bench: ${JSON.stringify(run.failed.slice(0, 3))}`);
  return measured(metrics, seconds, run);
}

/**
 * Seeds one studio (written directly, untimed) with `accounts` students billed on their own
 * accounts, each with a weekly 45-minute lesson through a month (its Mondays: 4–5 lessons) with a
 * teacher at 60.00 an hour, every tenth student on a monthly plan; tax 20 %. Then times one
 * billing run of the month (drafts, markers, the accounts it opens) and a second run of the same
 * month (nothing new). Runs in a table of its own.
 */
export async function benchBillingRun(options: { accounts?: number } = {}): Promise<BillingRunBenchResult> {
  const count = options.accounts ?? 1_000;
  const previousTable = process.env.TABLE_NAME;
  const tableName = `studiosync-bench-billing-${randomUUID().slice(0, 8)}`;
  await ensureTableAndBucket({ tableName, bucketName: process.env.BUCKET_NAME! });
  process.env.TABLE_NAME = tableName;
  resetConfig();
  try {
    const { studio, teacher, student, lesson, billingSettings, feePlan, feePlanEnrolment } = billingDb().entities;
    const studioId = randomUUID();
    const actor = "bench";
    await studio
      .create({
        studioId,
        name: "Bench Conservatory",
        slug: `bench-${studioId.slice(0, 8)}`,
        timeZone: TIME_ZONE,
        currency: "USD",
        createdBy: actor,
        updatedBy: actor,
      })
      .go();
    await billingSettings.put({ studioId, taxRateMillipercent: 20_000, taxName: "Tax", paymentTermsDays: 14, autoRunDay: "off" }).go();

    const teacherIds = Array.from({ length: Math.ceil(count / STUDENTS_PER_TEACHER) }, () => randomUUID());
    await putAll(
      teacher as never,
      teacherIds.map((teacherId, i) => ({
        studioId,
        teacherId,
        firstName: "Teacher",
        lastName: `${i}`,
        hourlyRateMinor: 6_000,
        createdBy: actor,
        updatedBy: actor,
        ...searchKeys(`Teacher ${i}`),
      })),
    );
    const students = Array.from({ length: count }, (_, i) => ({
      studentId: randomUUID(),
      teacherId: teacherIds[i % teacherIds.length]!,
      slot: Math.floor(i / teacherIds.length),
    }));
    await putAll(
      student as never,
      students.map((s, i) => ({
        studioId,
        studentId: s.studentId,
        firstName: "Student",
        lastName: `${i}`,
        instrument: "piano",
        primaryTeacherId: s.teacherId,
        createdBy: actor,
        updatedBy: actor,
        ...searchKeys(`Student ${i}`),
      })),
    );

    const feePlanId = randomUUID();
    await feePlan.create({ studioId, feePlanId, name: "Monthly unlimited", kind: "monthly", amountMinor: 16_000, createdBy: actor }).go();
    const planned = students.filter((_, i) => i % PLAN_EVERY === 0);
    await putAll(
      feePlanEnrolment as never,
      planned.map((s) => ({ studioId, studentId: s.studentId, feePlanId, startDate: "2031-01-01", createdBy: actor })),
    );

    const mondays: string[] = [];
    for (let d = `${MONTH}-01`; d.startsWith(MONTH); d = addDays(d, 1)) if (new Date(`${d}T00:00:00Z`).getUTCDay() === 1) mondays.push(d);
    const lessons = students.flatMap((s) =>
      mondays.map((date) => {
        // Each teacher's 20 students one after another from 09:00, 45 minutes each.
        const start = zonedInstant(date, "09:00", TIME_ZONE).getTime() + s.slot * 45 * 60_000;
        return {
          studioId,
          lessonId: randomUUID(),
          teacherId: s.teacherId,
          studentId: s.studentId,
          studentIds: [s.studentId],
          type: "private" as const,
          status: "completed" as const,
          scheduledStart: new Date(start).toISOString(),
          scheduledEnd: new Date(start + 45 * 60_000).toISOString(),
          createdBy: actor,
          updatedBy: actor,
        };
      }),
    );
    await putAll(lesson as never, lessons);

    const first = await timedRun(studioId);
    const again = await timedRun(studioId);
    if (first.invoicesCreated !== count || again.linesAdded !== 0) throw new Error(`billing run bench: unexpected ${JSON.stringify({ first, again })}`);
    return { accounts: count, lessons: lessons.length, onMonthlyPlan: planned.length, month: MONTH, first, again };
  } finally {
    process.env.TABLE_NAME = previousTable;
    resetConfig();
  }
}

/** The billing run's cost for the bench's printout. */
export function printBillingRun(b: BillingRunBenchResult): void {
  const line = (label: string, m: MeasuredRun) => {
    const ops = Object.entries(m.operations)
      .map(([op, n]) => `${n} ${op}`)
      .join(", ");
    console.log(`  ${label}: ${m.invoicesCreated} drafts, ${m.linesAdded} lines (${m.alreadyBilled} already billed) in ${m.seconds} s`);
    console.log(`    ${m.requests} DynamoDB requests (${ops}); ${m.rcu} RCU, ${m.wcu} WCU`);
  };
  console.log(`  ${b.accounts} accounts, ${b.lessons} lessons in ${b.month} (${b.onMonthlyPlan} students on a monthly plan)`);
  line("first run", b.first);
  line("same month again", b.again);
}
