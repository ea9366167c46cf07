import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { messagingDb, sendAnnouncements } from "@studiosync/core/messaging";
import { searchKeys } from "@studiosync/core/people";
import { JOBS, OUTBOX_RETRY_JOB, type JobDefinition } from "@studiosync/functions/jobs";
import { sesEventsHandler } from "@studiosync/functions/job-handlers";
import { api, type World } from "@studiosync/functions/testing";
import { localDynamoClient } from "../engines/aws-clients";
import { REPO_ROOT } from "../paths";
import { parseSchedule } from "../start/job-schedule";
import { batchPut } from "./batch-put";
import { benchBillingRun } from "./billing-run";
import { STUDIO_PROFILE, profileOperations } from "./cost-profile";
import { measured, type Sampled, type StreamConsumerMeter, type UnitCost, unitCostOf } from "./cost-streams";
import { benchMaterialiseLessons } from "./materialise-lessons";
import { MATRIX_ROWS, matrixSample, matrixWorld } from "./matrix-samples";
import { parseServerTiming, round } from "./measure";
import { ACCOUNT_SAMPLES, type Sample } from "./operation-samples";

/**
 * What the cost model (cost-model.ts) prices, measured in this bench run on the local engines:
 * every operation the profile calls (in the permission matrix's world: one small studio with a
 * record of every kind, like the profile's), an announcement to a studio of the profile's size,
 * the table stream's consumers as they handle what all that writes, one run of every scheduled
 * job with nothing to do, the SES events Lambda, and the jobs that grow with the studio, run at
 * its size.
 */
export interface CostMeasurements {
  /** Per operation: one call (RCU and WCU from Server-Timing, means; duration in-process, median). */
  operations: Record<string, UnitCost & { status: number }>;
  /** The stream consumers, per invocation of one record, by consumer, entity and event. */
  streams: Record<string, UnitCost>;
  /** Invocations per email the outbox consumer got, and the metering consumer got of outbox messages. */
  outboxInvocations: number;
  meteringInvocationsOfOutboxMessages: number;
  /** One SES event (a delivery or an open) handled by the SES events Lambda. */
  sesEvent: UnitCost;
  /** Each scheduled job's run with nothing to do (the second of two runs), and how often it runs. */
  jobs: Record<string, UnitCost & { schedule: string; runsPerMonth: number; memory: "job" | "worker" }>;
  /** The materialise job's daily runs over a week, for a studio with a weekly pattern per student. */
  materialiseWeek: { runs: number; lessonsCreated: number; calls: number; rcu: number; wcu: number; ms: number };
  /** The billing run's draft of one invoice (a run over one account per student). */
  billingRunPerInvoice: UnitCost;
  /** Handing one email of an announcement to the outbox (the Announcements job's runs), per copy. */
  handoverPerEmail: UnitCost;
  /** The table's size over its items after all this (DynamoDB Local's DescribeTable). */
  averageItemBytes: number;
}

/** Timed calls of an operation after one untimed call (a write that cannot be repeated: that one call). */
const REPETITIONS = 10;
/** A month as AWS bills hours: 730. */
export const HOURS_PER_MONTH = 730;

/** Operations outside the matrix and the account samples the profile needs: the owner's own session. */
const SESSION_SAMPLES: Record<string, (w: World) => Sample | Promise<Sample>> = {
  "GET /v1/me": (w) => ({ path: "/v1/me", token: w.owner.accessToken }),
  "POST /v1/auth/login": (w) => ({ path: "/v1/auth/login", body: { email: w.owner.email, password: w.owner.password } }),
  // A refresh token is single use: a sign-in of its own (untimed) for each.
  "POST /v1/auth/refresh": async (w) => {
    const login = await api("POST", "/v1/auth/login", { body: { email: w.owner.email, password: w.owner.password } });
    if (login.status !== 200) throw new Error(`cost bench: sign-in for a refresh answered ${login.status}`);
    return { path: "/v1/auth/refresh", body: { refreshToken: login.body.refreshToken } };
  },
};

function sampleOf(operation: string): (w: World) => Sample | Promise<Sample> {
  const row = MATRIX_ROWS[operation];
  if (row) return (w) => matrixSample(w, row);
  const sample = ACCOUNT_SAMPLES[operation] ?? SESSION_SAMPLES[operation];
  if (!sample) throw new Error(`cost bench: no way to call ${operation} (add it to SESSION_SAMPLES or a proxy in cost-profile.ts)`);
  return sample;
}

/** Calls `operation` 1 + REPETITIONS times in the world; the first, untimed, warms its code up. */
async function measureOperation(world: World, operation: string): Promise<UnitCost & { status: number }> {
  const method = operation.split(" ")[0]!;
  const sample = sampleOf(operation);
  const ok: Sampled[] = [];
  let first: (Sampled & { status: number }) | undefined;
  for (let i = 0; i <= REPETITIONS; i++) {
    const { path, token, body } = await sample(world);
    const started = performance.now();
    const res = await api(method, path, { token, body });
    const ms = performance.now() - started;
    const cost = parseServerTiming(res.headers.get("server-timing"));
    if (!cost) throw new Error(`cost bench: ${operation} answered ${res.status} without a ddb Server-Timing header`);
    if (i === 0) {
      if (res.status >= 300) throw new Error(`cost bench: ${operation} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      first = { ...cost, ms, status: res.status };
    } else if (res.status === first!.status) ok.push({ ...cost, ms });
  }
  return { ...unitCostOf(ok.length ? ok : [first!]), status: first!.status };
}

/** "packages/functions/src/jobs/x.handler" → its `handler` (as the local scheduler loads it, start/scheduler.ts). */
async function loadJob(job: JobDefinition): Promise<() => Promise<unknown>> {
  const dot = job.handler.lastIndexOf(".");
  const exported = (await import(pathToFileURL(join(REPO_ROOT, `${job.handler.slice(0, dot)}.ts`)).href))[job.handler.slice(dot + 1)];
  if (typeof exported !== "function") throw new Error(`${job.handler} does not export a function`);
  return exported as () => Promise<unknown>;
}

/** How many times a month EventBridge runs a schedule. */
export function runsPerMonth(expression: string): number {
  const schedule = parseSchedule(expression);
  if (schedule.kind === "rate") return (HOURS_PER_MONTH * 3_600_000) / schedule.everyMs;
  return schedule.hour === "*" ? HOURS_PER_MONTH : HOURS_PER_MONTH / 24;
}

/** An SES Delivery event of a mailing nobody tracks, as SNS hands it to the SES events Lambda (stacks/ses-events-function.ts). */
function deliveryEvent(i: number) {
  const mail = {
    timestamp: new Date().toISOString(),
    source: "StudioSync <no-reply@example.test>",
    messageId: `cost-bench-${i}`,
    destination: [`family-${i}@example.test`],
    headersTruncated: false,
    headers: [],
    commonHeaders: { from: ["no-reply@example.test"], to: [`family-${i}@example.test`], subject: "Your lesson tomorrow" },
    tags: {},
  };
  const delivery = { timestamp: new Date().toISOString(), processingTimeMillis: 420, recipients: mail.destination, smtpResponse: "250 2.0.0 OK" };
  return { Records: [{ Sns: { MessageId: `cost-bench-${i}`, Message: JSON.stringify({ eventType: "Delivery", mail, delivery }) } }] };
}

const perUnit = (total: { requests: number; rcu: number; wcu: number; seconds: number }, units: number): UnitCost => ({
  samples: units,
  calls: round(total.requests / units),
  rcu: round(total.rcu / units),
  wcu: round(total.wcu / units),
  ms: round((total.seconds * 1000) / units, 1),
});

/**
 * A studio of `recipients` students with an address each (written directly, untimed) and an
 * announcement to all its families due now, in the bench's table: the Announcements job's runs
 * that hand every copy to the outbox are measured here, what the stream consumers then do with
 * the copies by the meter (as announcement-fan-out.ts, whose table has no consumers).
 */
async function announcementToFamilies(recipients: number): Promise<UnitCost> {
  const { studio, student, announcement } = messagingDb().entities;
  const studioId = randomUUID();
  const actor = "bench";
  await studio
    .create({
      studioId,
      name: "Cost Bench Hall",
      slug: `cost-${studioId.slice(0, 8)}`,
      timeZone: "America/New_York",
      currency: "USD",
      createdBy: actor,
      updatedBy: actor,
    })
    .go();
  const students = Array.from({ length: recipients }, (_, i) => ({
    studioId,
    studentId: randomUUID(),
    firstName: "Student",
    lastName: `${i}`,
    email: `family-${i}-${studioId.slice(0, 8)}@example.test`,
    createdBy: actor,
    updatedBy: actor,
    ...searchKeys(`Student ${i}`),
  }));
  const bulk = student as unknown as { put: (items: unknown[]) => { go: (options: { concurrent: number }) => Promise<{ unprocessed: unknown[] }> } };
  await batchPut(
    (items) => bulk.put(items).go({ concurrent: 8 }),
    students,
    (s) => s.studentId,
  );
  const now = new Date();
  await announcement
    .create({
      studioId,
      announcementId: randomUUID(),
      subject: "Spring recital",
      body: "Our spring recital is on 20 March at 3 pm. Every student plays one piece; families are welcome.",
      audienceKind: "families",
      audienceLabel: "All families",
      email: true,
      inApp: true,
      status: "sending",
      queuedCount: 0,
      authorName: "Cost Bench Owner",
      createdBy: actor,
      dueDay: now.toISOString().slice(0, 10),
      dueAt: now.toISOString(),
    })
    .go();
  const { result: queued, sample } = await measured(async () => {
    let queued = 0;
    // As many runs as its minute budgets take (each run is a minute later).
    for (let minute = 0; queued < recipients && minute < 60; minute++)
      queued += (await sendAnnouncements({ now: new Date(now.getTime() + minute * 60_000) })).queued;
    return queued;
  });
  if (queued !== recipients) throw new Error(`cost bench: ${queued} of ${recipients} announcement copies handed to the outbox`);
  return perUnit({ requests: sample.calls, rcu: sample.rcu, wcu: sample.wcu, seconds: sample.ms / 1000 }, recipients);
}

/**
 * Measures what the model needs, on engines whose table stream `consumers` handles (it must be
 * the poller's handler for the bench's table). Logs a line per step.
 */
export async function measureCostInputs(consumers: StreamConsumerMeter, options: { dynamodbEndpoint: string; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => console.log(line));
  const world = await matrixWorld();
  const needed = profileOperations();
  log(`  ${needed.length} operations, ${1 + REPETITIONS} calls each, in the permission matrix's world`);
  const operations: CostMeasurements["operations"] = {};
  for (const operation of needed) operations[operation] = await measureOperation(world, operation);

  const sesSamples: Sampled[] = [];
  for (let i = 0; i <= REPETITIONS; i++) {
    const { sample } = await measured(() => sesEventsHandler(deliveryEvent(i)));
    if (i > 0) sesSamples.push(sample);
  }

  log(`  every scheduled job twice (the second run timed: nothing left to do)`);
  const jobs: CostMeasurements["jobs"] = {};
  for (const job of [...JOBS, OUTBOX_RETRY_JOB]) {
    const handler = await loadJob(job);
    await handler();
    const { sample } = await measured(handler);
    jobs[job.name] = {
      ...unitCostOf([sample]),
      schedule: job.schedule,
      runsPerMonth: round(runsPerMonth(job.schedule), 1),
      memory: job === OUTBOX_RETRY_JOB ? "worker" : "job",
    };
  }
  const size = STUDIO_PROFILE.students;
  log(`  an announcement to ${size} families, then what the stream consumers do with everything written`);
  const handoverPerEmail = await announcementToFamilies(size);
  await consumers.settled();
  if (consumers.failed > 0) log(`  ${consumers.failed} stream record(s) failed in a consumer (retried by the poller)`);

  const client = localDynamoClient(options.dynamodbEndpoint);
  const { Table } = await client.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME! }));
  client.destroy();
  const averageItemBytes = Math.round((Table?.TableSizeBytes ?? 0) / Math.max(1, Table?.ItemCount ?? 0));

  log(`  the jobs that grow with a studio, at its size (${size} weekly patterns, ${size} accounts; tables of their own)`);
  const materialise = await benchMaterialiseLessons({ patterns: size, followingWeek: true });
  const week = materialise.followingWeek!;
  const billing = await benchBillingRun({ accounts: size });

  const emails = consumers.countOf("outbox", "outboxMessage");
  const result: CostMeasurements = {
    operations,
    streams: consumers.costs(),
    outboxInvocations: emails,
    meteringInvocationsOfOutboxMessages: consumers.countOf("metering", "outboxMessage"),
    sesEvent: unitCostOf(sesSamples),
    jobs,
    materialiseWeek: {
      runs: week.runs,
      lessonsCreated: week.lessonsCreated,
      calls: week.requests,
      rcu: week.rcu,
      wcu: week.wcu,
      ms: round(week.seconds * 1000, 1),
    },
    billingRunPerInvoice: perUnit(billing.first, billing.first.invoicesCreated),
    handoverPerEmail,
    averageItemBytes,
  };
  return result;
}
