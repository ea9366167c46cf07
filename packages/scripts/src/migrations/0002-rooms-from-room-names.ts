import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { roomsDb } from "@studiosync/core/rooms";
import { roomKeyOf } from "@studiosync/core/scheduling";
import type { Migration, MigrationContext } from "../migration";

/**
 * Rooms became records (issue 14); before, a lesson or recurring pattern named its room in free
 * text, and the day schedules held the room by that name's key (roomKeyOf). This makes a room
 * record for every room name a studio's lessons and patterns use, with that key — so the room
 * keeps every booking it already had, and lessons and reservations share its schedule from now on.
 *
 * The one Scan in the code: no index names the studios that used room names (a lesson's room is
 * indexed within its studio only), so this one-off migration, run by an operator or `npm start`
 * and never by a Lambda (whose grants have no Scan), reads the table once, page by page, filtered
 * to lessons and patterns with a room name and projected to the studio and the name. Idempotent:
 * each room is created on condition that its name's claim does not exist.
 */
export const roomsFromRoomNames: Migration = {
  id: "0002-rooms-from-room-names",
  description: "Make a room record for every room name lessons and recurring patterns use",
  async run(context) {
    const names = await roomNames(context);
    let created = 0;
    for (const [studioId, rooms] of names) {
      for (const [roomKey, name] of rooms) if (await createRoom(context, studioId, roomKey, name)) created += 1;
    }
    return `${created} room(s) made from the names of ${names.size} studio(s)' lessons`;
  },
};

/** Per studio, each room key and one spelling of its name: the one that sorts first (capitals before lower case), whatever order the Scan reads them in. */
async function roomNames({ client, tableName }: MigrationContext): Promise<Map<string, Map<string, string>>> {
  const names = new Map<string, Map<string, string>>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "(#e = :lesson OR #e = :pattern) AND attribute_exists(#room)",
        ProjectionExpression: "#studio, #room",
        ExpressionAttributeNames: { "#e": "__edb_e__", "#room": "roomName", "#studio": "studioId" },
        ExpressionAttributeValues: { ":lesson": "lesson", ":pattern": "recurringPattern" },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const { studioId, roomName } = item as { studioId?: string; roomName?: string };
      if (!studioId || !roomName?.trim()) continue;
      const rooms = names.get(studioId) ?? new Map<string, string>();
      const spelling = roomName.trim().replace(/\s+/g, " ");
      const seen = rooms.get(roomKeyOf(roomName));
      if (seen === undefined || spelling < seen) rooms.set(roomKeyOf(roomName), spelling);
      names.set(studioId, rooms);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return names;
}

/** A room for a legacy name, unless the studio already has one by that name. */
async function createRoom(context: MigrationContext, studioId: string, roomKey: string, name: string): Promise<boolean> {
  const roomId = randomUUID();
  const at = context.now.toISOString();
  const outcome = await roomsDb()
    .transaction.write(({ room, roomKey: claim }) => [
      claim.create({ studioId, roomKey, roomId }).commit(),
      room
        .create({
          studioId,
          roomId,
          name,
          roomKey,
          bookableBy: "staff",
          listing: "listed",
          createdBy: "migration",
          updatedBy: "migration",
          createdAt: at,
          updatedAt: at,
        })
        .commit(),
    ])
    .go();
  // Cancelled: the name's claim exists, so the studio already has this room.
  return !outcome.canceled;
}
