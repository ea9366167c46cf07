import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { config, dynamo, resetConfig } from "@studiosync/core/kernel";
import { roomsDb } from "@studiosync/core/rooms";
import { scheduleDb } from "@studiosync/core/scheduling";
import { ensureTableAndBucket } from "@studiosync/local/engines";
import { runMigrations } from "@studiosync/scripts";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * 0002-rooms-from-room-names on lessons as code before room records wrote them: free-text room
 * names, two spellings of one room, and a studio that already has a record for one of its names.
 * This file runs on its own table.
 */
const studioA = randomUUID();
const studioB = randomUUID();
const at = "2026-01-05T09:00:00.000Z";

const lesson = (studioId: string, roomName?: string) =>
  scheduleDb()
    .entities.lesson.put({
      studioId,
      lessonId: randomUUID(),
      teacherId: "teacher-1",
      studentId: "student-1",
      studentIds: ["student-1"],
      type: "private",
      status: "scheduled",
      scheduledStart: at,
      scheduledEnd: "2026-01-05T09:30:00.000Z",
      ...(roomName ? { roomName } : {}),
      roomKey: roomName ? roomName.trim().toLowerCase().replace(/\s+/g, " ") : "none",
      editedByHand: false,
      createdAt: at,
      updatedAt: at,
    })
    .params() as { Item: Record<string, unknown> };

const put = (params: { Item: Record<string, unknown> }) => dynamo().send(new PutCommand({ TableName: config().tableName, Item: params.Item }));
const roomsOf = async (studioId: string) =>
  (await roomsDb().entities.room.query.roomsByName({ studioId, listing: "listed" }).go({ pages: "all" })).data.map((r) => [r.name, r.roomKey]);

beforeAll(async () => {
  process.env.TABLE_NAME = `migration-0002-test-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTableAndBucket({ tableName: process.env.TABLE_NAME, bucketName: process.env.BUCKET_NAME! });
  await Promise.all(
    [lesson(studioA, "Studio A"), lesson(studioA, " studio   a"), lesson(studioA, "Piano Room"), lesson(studioA), lesson(studioB, "Hall")].map(put),
  );
  // Studio B made a record for "Hall" already (its claim exists).
  await roomsDb()
    .transaction.write(({ room, roomKey }) => [
      roomKey.create({ studioId: studioB, roomKey: "hall", roomId: "existing" }).commit(),
      room.create({ studioId: studioB, roomId: "existing", name: "Hall", roomKey: "hall", createdAt: at, updatedAt: at }).commit(),
    ])
    .go();
});

describe("0002-rooms-from-room-names", () => {
  it("makes one room per name a studio used, with the name's booking key, and none that exists already; again, nothing", async () => {
    const outcome = await runMigrations({ log: () => undefined });
    expect(outcome.applied.find((m) => m.id === "0002-rooms-from-room-names")?.summary).toBe("2 room(s) made from the names of 2 studio(s)' lessons");
    expect((await roomsOf(studioA)).sort()).toEqual([
      ["Piano Room", "piano room"],
      ["Studio A", "studio a"],
    ]);
    expect(await roomsOf(studioB)).toEqual([["Hall", "hall"]]);
    const again = await runMigrations({ log: () => undefined });
    expect(again.applied).toEqual([]);
  });
});
