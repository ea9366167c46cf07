import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { db } from "@studiosync/core/db";
import { config, dynamo, resetConfig } from "@studiosync/core/kernel";
import { planningDb } from "@studiosync/core/planning";
import { scheduleDb } from "@studiosync/core/scheduling";
import { ensureTableAndBucket } from "@studiosync/local/engines";
import { MIGRATIONS, runMigrations } from "@studiosync/scripts";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * 0001-lesson-occurrence-start on items as code before calendar series wrote them: pattern
 * lessons without `occurrenceStart` (written raw, the field taken out of what ElectroDB would put).
 * This file runs on its own table.
 */
const studioId = randomUUID();
const patternId = randomUUID();
const gonePatternId = randomUUID();
const at = "2026-01-05T09:00:00.000Z";

const lessonAt = (lessonId: string, start: string, extra: Record<string, unknown>) => ({
  studioId,
  lessonId,
  teacherId: "teacher-1",
  studentId: "student-1",
  studentIds: ["student-1"],
  type: "private" as const,
  status: "scheduled" as const,
  scheduledStart: start,
  scheduledEnd: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  roomKey: "none",
  editedByHand: false,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

/** Writes an item raw (as older code did), without the attributes it did not know. */
async function putRaw(params: { Item?: Record<string, unknown> }, without: string[] = []) {
  const item = { ...params.Item };
  for (const name of without) delete item[name];
  await dynamo().send(new PutCommand({ TableName: config().tableName, Item: item }));
  return item;
}

const lessonParams = (record: ReturnType<typeof lessonAt>) => scheduleDb().entities.lesson.put(record).params() as { Item: Record<string, unknown> };
const stored = async (item: Record<string, unknown>) =>
  (await dynamo().send(new GetCommand({ TableName: config().tableName, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }))).Item;

// 16:00 in Berlin on 10 March 2026 (CET, UTC+1).
const planned = "2026-03-10T15:00:00.000Z";
const items: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  process.env.TABLE_NAME = `migration-0001-test-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTableAndBucket({ tableName: process.env.TABLE_NAME, bucketName: process.env.BUCKET_NAME! });
  await putRaw(
    db()
      .entities.studio.put({
        studioId,
        name: "Old Studio",
        slug: `old-${studioId.slice(0, 8)}`,
        timeZone: "Europe/Berlin",
        currency: "EUR",
        createdAt: at,
        updatedAt: at,
      })
      .params(),
  );
  await putRaw(
    planningDb()
      .entities.recurringPattern.put({
        studioId,
        patternId,
        teacherId: "teacher-1",
        studentId: "student-1",
        studentIds: ["student-1"],
        type: "private",
        frequency: "weekly",
        dayOfWeek: 2,
        startTime: "16:00",
        durationMinutes: 30,
        startDate: "2026-03-03",
        createdAt: at,
        updatedAt: at,
      })
      .params(),
    ["revision"],
  );
  const old = ["occurrenceStart"];
  items.untouched = await putRaw(lessonParams(lessonAt(randomUUID(), planned, { patternId, occurrenceDate: "2026-03-10" })), old);
  // Moved by hand to the next day, an hour later.
  items.moved = await putRaw(
    lessonParams(lessonAt(randomUUID(), "2026-03-18T16:00:00.000Z", { patternId, occurrenceDate: "2026-03-17", editedByHand: true })),
    old,
  );
  items.orphan = await putRaw(
    lessonParams(lessonAt(randomUUID(), "2026-03-19T10:00:00.000Z", { patternId: gonePatternId, occurrenceDate: "2026-03-18", editedByHand: true })),
    old,
  );
  items.newShape = await putRaw(
    lessonParams(lessonAt(randomUUID(), "2026-03-25T15:00:00.000Z", { patternId, occurrenceDate: "2026-03-24", occurrenceStart: "2026-03-24T15:00:00.000Z" })),
  );
  items.oneOff = await putRaw(lessonParams(lessonAt(randomUUID(), "2026-03-12T09:00:00.000Z", {})));
});

describe("0001-lesson-occurrence-start", () => {
  it("stores the planned start on old pattern lessons and leaves every other item as it was", async () => {
    expect(items.untouched).not.toHaveProperty("occurrenceStart");
    const lines: string[] = [];
    const outcome = await runMigrations({ log: (line) => lines.push(line) });
    expect(outcome.applied).toContainEqual({ id: "0001-lesson-occurrence-start", summary: "2 lesson(s) backfilled, 1 left as they are" });
    expect(lines.some((line) => line.startsWith("Applied migration 0001-lesson-occurrence-start: 2 lesson(s) backfilled"))).toBe(true);
    expect(lines).toContain(`  1 lesson(s) left as they are (their pattern or studio is gone): ${studioId}/${items.orphan!.lessonId}`);

    // Untouched: its own start; moved by hand: the pattern's 16:00 Berlin on its date (CET).
    expect(await stored(items.untouched!)).toEqual({ ...items.untouched, occurrenceStart: planned });
    expect(await stored(items.moved!)).toEqual({ ...items.moved, occurrenceStart: "2026-03-17T15:00:00.000Z" });
    // Its pattern is gone: nothing to derive the planned start from. New-shaped and one-off lessons: unchanged.
    expect(await stored(items.orphan!)).toEqual(items.orphan);
    expect(await stored(items.newShape!)).toEqual(items.newShape);
    expect(await stored(items.oneOff!)).toEqual(items.oneOff);

    // The backfilled lessons read through the entity as new code wrote them.
    const { data } = await scheduleDb()
      .entities.lesson.get({ studioId, lessonId: items.moved!.lessonId as string })
      .go();
    expect(data?.occurrenceStart).toBe("2026-03-17T15:00:00.000Z");
  });

  it("is idempotent: run again, it changes nothing", async () => {
    const migration = MIGRATIONS.find((m) => m.id === "0001-lesson-occurrence-start")!;
    const summary = await migration.run({ tableName: config().tableName, client: dynamo(), now: new Date(), log: () => {} });
    expect(summary).toBe("0 lesson(s) backfilled, 1 left as they are");
    expect(await stored(items.untouched!)).toEqual({ ...items.untouched, occurrenceStart: planned });
  });
});
