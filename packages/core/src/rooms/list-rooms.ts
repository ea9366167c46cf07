import { page } from "../kernel/pagination/pagination";
import { isStaff, loadStudioMember, type Actor, type StudioMember } from "../policy";
import type { StudioRecord } from "../studios/module";
import { loadRoom } from "./room-access";
import { roomsDb } from "./rooms-db";
import { toRoom } from "./room-view";
import type { PageQuery } from "../kernel/pagination/pagination";

/** The studio's rooms by name: staff every room, students and parents the ones open to them. One read for the member, one Query a page. */
export async function listRooms(actor: Actor, studioId: string, query: PageQuery) {
  const { member, studio } = await loadStudioMember(actor, studioId);
  return roomsFor(member, studio, query);
}

/** listRooms for a member and studio already read (an aggregate read's one membership read). */
export async function roomsFor(member: StudioMember, studio: StudioRecord, query: PageQuery) {
  const { studioId } = studio;
  const staff = isStaff(member);
  const records = await page(
    { studioId, list: "rooms" },
    (options) =>
      roomsDb()
        .entities.room.query.roomsByName({ studioId, listing: "listed" })
        .go({ ...options, pages: 1 }),
    query,
    staff ? undefined : (items) => items.filter((r) => r.bookableBy === "students"),
  );
  return { items: records.items.map((r) => toRoom(r, studio)), nextCursor: records.nextCursor };
}

export async function getRoom(actor: Actor, studioId: string, roomId: string) {
  const { studio, room } = await loadRoom(actor, studioId, roomId);
  return toRoom(room, studio);
}
