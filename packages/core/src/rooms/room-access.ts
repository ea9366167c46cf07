import { itemOf, type ItemRead } from "../kernel/db/read-together";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../policy";
import { roomsDb } from "./rooms-db";
import type { RoomRecord } from "./room.entity";

/**
 * The member, the studio and a listed room they may see (students and parents: rooms open to
 * students), read together with `reads` in one BatchGetItem. Missing, deleted and hidden alike: 404.
 */
export async function loadRoom<const T extends readonly ItemRead<unknown>[]>(actor: Actor, studioId: string, roomId: string, ...reads: T) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(roomsDb().entities.room, { studioId, roomId }), ...reads);
  const [room, ...rest] = records;
  if (!room || room.deletedAt) throw hiddenRecord("Room");
  assertMay(member, "room.view", { bookableBy: room.bookableBy });
  return { member, studio, room, records: rest as unknown as { [K in keyof T]: T[K] extends ItemRead<infer V> ? V | null : never } };
}
