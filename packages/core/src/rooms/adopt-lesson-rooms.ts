import { v7 as uuidv7 } from "uuid";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { roomKeyOf } from "../scheduling";
import { roomsDb } from "./rooms-db";

/**
 * Makes a room record for every room name the studio's lessons use that no room has yet (admins):
 * the rooms lessons were booked into before rooms were records. Each gets the name's booking key,
 * so it keeps the bookings it already had. One Query of the studio's lessons, page by page,
 * projected to the room name; each room is created on condition its name's claim does not exist, so
 * running it again (or racing another run) makes nothing twice. The spelling kept is the one that
 * sorts first (capitals before lower case).
 */
export async function adoptLessonRooms(actor: Actor, studioId: string): Promise<{ created: string[] }> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "room.manage");
  const { lesson, roomKey: claim } = roomsDb().entities;
  const [{ data: lessons }, { data: claims }] = await Promise.all([
    lesson.query
      .lesson({ studioId })
      .where((a, op) => op.exists(a.roomName))
      .go({ pages: "all", attributes: ["roomName"] }),
    claim.query.roomKey({ studioId }).go({ pages: "all" }),
  ]);
  const claimed = new Set(claims.map((c) => c.roomKey));
  const names = new Map<string, string>();
  for (const { roomName } of lessons) {
    const spelling = roomName?.trim().replace(/\s+/g, " ");
    if (!spelling || claimed.has(roomKeyOf(spelling))) continue;
    const seen = names.get(roomKeyOf(spelling));
    if (seen === undefined || spelling < seen) names.set(roomKeyOf(spelling), spelling);
  }
  const created: string[] = [];
  const at = new Date().toISOString();
  for (const [key, name] of names) {
    const roomId = uuidv7();
    const outcome = await roomsDb()
      .transaction.write(({ room, roomKey }) => [
        roomKey.create({ studioId, roomKey: key, roomId }).commit(),
        room
          .create({
            studioId,
            roomId,
            name,
            roomKey: key,
            bookableBy: "staff",
            listing: "listed",
            createdBy: actor.userId,
            updatedBy: actor.userId,
            createdAt: at,
            updatedAt: at,
          })
          .commit(),
      ])
      .go();
    // Cancelled: another run made the room meanwhile.
    if (!outcome.canceled) created.push(name);
  }
  return { created: created.sort() };
}
