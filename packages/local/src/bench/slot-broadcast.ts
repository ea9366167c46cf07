import { randomUUID } from "node:crypto";
import { addDays, localParts, resetConfig, withDbMetrics, zonedInstant } from "@studiosync/core/kernel";
import { searchKeys } from "@studiosync/core/people";
import { broadcastSlotOffers, type BroadcastSummary, scheduleDb } from "@studiosync/core/scheduling";
import { ensureTableAndBucket } from "../engines/index";

export interface SlotBroadcastBenchResult {
  creditHolders: number;
  /** DynamoDB requests of the whole job run, by operation. */
  requests: number;
  operations: Record<string, number>;
  wcu: number;
  seconds: number;
  summary: BroadcastSummary;
}

const TIME_ZONE = "Europe/London";

async function putAll(entity: { put: (items: never[]) => { go: () => Promise<{ unprocessed: unknown[] }> } }, items: unknown[]) {
  for (let i = 0; i < items.length; i += 25) {
    const { unprocessed } = await entity.put(items.slice(i, i + 25) as never[]).go();
    if (unprocessed.length > 0) await entity.put(unprocessed as never[]).go();
  }
}

/**
 * One studio, one teacher working every day, `holders` students (each with an address) holding a
 * make-up credit with that teacher, and one freed slot tomorrow at 15:00 waiting to be offered;
 * then times one run of the broadcast job: it emails every holder (one outbox item each, in
 * transactions of 99). In a table of its own, so no other offer is in its queue.
 */
export async function benchSlotBroadcast(options: { holders?: number } = {}): Promise<SlotBroadcastBenchResult> {
  const holders = options.holders ?? 200;
  const previousTable = process.env.TABLE_NAME;
  const tableName = `studiosync-bench-broadcast-${randomUUID().slice(0, 8)}`;
  await ensureTableAndBucket({ tableName, bucketName: process.env.BUCKET_NAME! });
  process.env.TABLE_NAME = tableName;
  resetConfig();
  try {
    const { studio, teacher, student, availability, makeupCredit, slotOffer } = scheduleDb().entities;
    const studioId = randomUUID();
    const teacherId = randomUUID();
    const actor = "bench";
    const now = new Date();
    await studio
      .create({
        studioId,
        name: "Bench Conservatory",
        slug: `bench-${studioId.slice(0, 8)}`,
        timeZone: TIME_ZONE,
        currency: "GBP",
        createdBy: actor,
        updatedBy: actor,
      })
      .go();
    await teacher
      .create({ studioId, teacherId, firstName: "Tess", lastName: "Tutor", createdBy: actor, updatedBy: actor, ...searchKeys("Tess Tutor") } as never)
      .go();
    await availability
      .create({ studioId, teacherId, weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" })) } as never)
      .go();
    const studentIds = Array.from({ length: holders }, () => randomUUID());
    await putAll(
      student as never,
      studentIds.map((studentId, i) => ({
        studioId,
        studentId,
        firstName: "Student",
        lastName: `${i}`,
        email: `holder-${i}-${studioId.slice(0, 8)}@example.test`,
        primaryTeacherId: teacherId,
        createdBy: actor,
        updatedBy: actor,
        ...searchKeys(`Student ${i}`),
      })),
    );
    const today = localParts(now, TIME_ZONE).date;
    await putAll(
      makeupCredit as never,
      studentIds.map((studentId) => ({
        studioId,
        creditId: randomUUID(),
        studentId,
        status: "available",
        sourceLessonId: randomUUID(),
        cancelledBy: "studio",
        reason: "Bench",
        teacherId,
        durationMinutes: 45,
        term: "2026-Q4",
        issuedAt: now.toISOString(),
        expiresOn: addDays(today, 60),
        createdBy: actor,
        updatedBy: actor,
      })),
    );
    const start = zonedInstant(addDays(today, 1), "15:00", TIME_ZONE);
    await slotOffer
      .create({
        studioId,
        offerId: randomUUID(),
        teacherId,
        start: start.toISOString(),
        end: new Date(start.getTime() + 45 * 60_000).toISOString(),
        status: "pending",
        pendingDay: now.toISOString().slice(0, 10),
      })
      .go();

    const started = performance.now();
    const { metrics, result } = withDbMetrics(() => broadcastSlotOffers({ now }));
    const summary = await result;
    const seconds = (performance.now() - started) / 1000;
    if (summary.emails !== holders) throw new Error(`broadcast bench: ${JSON.stringify(summary)}`);
    const operations: Record<string, number> = {};
    for (const op of metrics.operations) operations[op] = (operations[op] ?? 0) + 1;
    return {
      creditHolders: holders,
      requests: metrics.calls,
      operations,
      wcu: Math.round(metrics.wcu * 10) / 10,
      seconds: Math.round(seconds * 100) / 100,
      summary,
    };
  } finally {
    process.env.TABLE_NAME = previousTable;
    resetConfig();
  }
}
