import { randomUUID } from "node:crypto";
import { addDays, localParts, resetConfig, timeOf, withDbMetrics } from "@studiosync/core/kernel";
import { searchKeys } from "@studiosync/core/people";
import { firstWeekdayOnOrAfter, materialiseLessons, type MaterialiseSummary, planningDb } from "@studiosync/core/planning";
import { ensureTableAndBucket } from "../engines/index";

export interface MaterialiseBenchResult {
  patterns: number;
  lessonsCreated: number;
  /** DynamoDB requests of the whole job run (queries, batch reads, transactions). */
  requests: number;
  operations: Record<string, number>;
  rcu: number;
  wcu: number;
  seconds: number;
  horizonWeeks: number;
  summary: MaterialiseSummary;
  /** With `followingWeek`: the next seven daily runs (a day later each), once the horizon is full: the job's steady state. */
  followingWeek?: { runs: number; lessonsCreated: number; requests: number; rcu: number; wcu: number; seconds: number };
}

const TIME_ZONE = "America/New_York";
/** Each teacher teaches this many weekly slots (Monday–Friday × two afternoon hours). */
const SLOTS_PER_TEACHER = 10;

async function putAll(entity: { put: (items: never[]) => { go: () => Promise<{ unprocessed: unknown[] }> } }, items: unknown[]) {
  for (let i = 0; i < items.length; i += 25) {
    const { unprocessed } = await entity.put(items.slice(i, i + 25) as never[]).go();
    if (unprocessed.length > 0) await entity.put(unprocessed as never[]).go();
  }
}

/** The daily runs of the next seven days (each as if a day later): each extends the horizon by a day. */
async function nextSevenDailyRuns(): Promise<NonNullable<MaterialiseBenchResult["followingWeek"]>> {
  const week = { runs: 7, lessonsCreated: 0, requests: 0, rcu: 0, wcu: 0, seconds: 0 };
  for (let day = 1; day <= week.runs; day++) {
    const started = performance.now();
    const { metrics, result } = withDbMetrics(() => materialiseLessons({ now: new Date(Date.now() + day * 86_400_000) }));
    const summary = await result;
    if (summary.failed > 0) throw new Error(`materialise bench, day ${day}: ${JSON.stringify(summary)}`);
    week.seconds += (performance.now() - started) / 1000;
    week.lessonsCreated += summary.lessonsCreated;
    week.requests += metrics.calls;
    week.rcu += metrics.rcu;
    week.wcu += metrics.wcu;
  }
  return { ...week, rcu: Math.round(week.rcu * 10) / 10, wcu: Math.round(week.wcu * 10) / 10, seconds: Math.round(week.seconds * 1000) / 1000 };
}

/**
 * Seeds one studio with `patterns` weekly patterns written directly (teachers × 10 weekly slots,
 * one student each, so none conflict), then times one run of the materialise job over them: 12
 * weeks (the default horizon) of lessons, their attendees, reminders and day schedules. Runs in a
 * table of its own, so nothing else in the bench's table is materialised with it. With
 * `followingWeek`, then the seven daily runs after it (the cost model's steady state).
 */
export async function benchMaterialiseLessons(options: { patterns?: number; followingWeek?: boolean } = {}): Promise<MaterialiseBenchResult> {
  const count = options.patterns ?? 1_000;
  const previousTable = process.env.TABLE_NAME;
  const tableName = `studiosync-bench-materialise-${randomUUID().slice(0, 8)}`;
  await ensureTableAndBucket({ tableName, bucketName: process.env.BUCKET_NAME! });
  process.env.TABLE_NAME = tableName;
  resetConfig();
  try {
    const { studio, teacher, student, recurringPattern } = planningDb().entities;
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

    const teacherIds = Array.from({ length: Math.ceil(count / SLOTS_PER_TEACHER) }, () => randomUUID());
    await putAll(
      teacher as never,
      teacherIds.map((teacherId, i) => ({
        studioId,
        teacherId,
        firstName: "Teacher",
        lastName: `${i}`,
        createdBy: actor,
        updatedBy: actor,
        ...searchKeys(`Teacher ${i}`),
      })),
    );
    const tomorrow = addDays(localParts(new Date(), TIME_ZONE).date, 1);
    const patterns = Array.from({ length: count }, (_, i) => {
      const slot = Math.floor(i / teacherIds.length);
      const teacherId = teacherIds[i % teacherIds.length]!;
      const startDate = firstWeekdayOnOrAfter(tomorrow, 1 + (slot % 5));
      return {
        studioId,
        patternId: randomUUID(),
        teacherId,
        studentId: randomUUID(),
        type: "private" as const,
        frequency: "weekly" as const,
        dayOfWeek: 1 + (slot % 5),
        startTime: timeOf(15 * 60 + 60 * Math.floor(slot / 5)),
        durationMinutes: 45,
        startDate,
        isActive: true,
        skipped: [],
        version: 1,
        createdBy: actor,
        updatedBy: actor,
      };
    });
    await putAll(
      student as never,
      patterns.map((p, i) => ({
        studioId,
        studentId: p.studentId,
        firstName: "Student",
        lastName: `${i}`,
        primaryTeacherId: p.teacherId,
        createdBy: actor,
        updatedBy: actor,
        ...searchKeys(`Student ${i}`),
      })),
    );
    await putAll(
      recurringPattern as never,
      patterns.map((p) => ({ ...p, studentIds: [p.studentId] })),
    );

    const started = performance.now();
    const { metrics, result } = withDbMetrics(() => materialiseLessons());
    const summary = await result;
    const seconds = (performance.now() - started) / 1000;
    if (summary.failed > 0 || summary.skipped > 0) throw new Error(`materialise bench: ${JSON.stringify(summary)}`);
    const operations: Record<string, number> = {};
    for (const op of metrics.operations) operations[op] = (operations[op] ?? 0) + 1;
    const followingWeek = options.followingWeek ? await nextSevenDailyRuns() : undefined;
    return {
      patterns: count,
      lessonsCreated: summary.lessonsCreated,
      requests: metrics.calls,
      operations,
      rcu: Math.round(metrics.rcu * 10) / 10,
      wcu: Math.round(metrics.wcu * 10) / 10,
      seconds: Math.round(seconds * 100) / 100,
      horizonWeeks: 12,
      summary,
      ...(followingWeek ? { followingWeek } : {}),
    };
  } finally {
    process.env.TABLE_NAME = previousTable;
    resetConfig();
  }
}
