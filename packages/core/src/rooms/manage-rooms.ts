import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { roomKeyOf } from "../scheduling";
import { loadRoom } from "./room-access";
import { roomsDb } from "./rooms-db";
import type { RoomRecord } from "./room.entity";
import { toRoom } from "./room-view";
import type { CreateRoomInput, UpdateRoomInput } from "./schemas";

const nameTaken = (name: string) => conflict("room.name_taken", `The studio already has a room called “${name}”`, "name");
const changed = () => conflict("room.changed", "The room changed meanwhile; reload and try again");

const CLEARABLE = ["capacity", "hourlyRateMinor", "description"] as const;

/** The stored fields of a room's input (empty ones left out). */
function fieldsOf(input: Partial<CreateRoomInput>) {
  const out: Partial<RoomRecord> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.capacity !== undefined && input.capacity !== null) out.capacity = input.capacity;
  if (input.hourlyRateMinor !== undefined && input.hourlyRateMinor !== null) out.hourlyRateMinor = input.hourlyRateMinor;
  if (input.equipment !== undefined) out.equipment = input.equipment;
  if (input.description) out.description = input.description;
  if (input.bookableBy !== undefined) out.bookableBy = input.bookableBy;
  if (input.openingHours !== undefined) out.openingHours = input.openingHours;
  return out;
}

/**
 * Adds a room (admins). Its name is its booking key (roomKeyOf): the key's claim is created with it,
 * so two rooms never share a name; lessons already booked by that name are in it from now on.
 */
export async function createRoom(actor: Actor, studioId: string, input: CreateRoomInput) {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "room.manage");
  const now = new Date().toISOString();
  const room: RoomRecord = {
    studioId,
    roomId: uuidv7(),
    roomKey: roomKeyOf(input.name),
    bookableBy: "staff",
    listing: "listed",
    ...fieldsOf(input),
    name: input.name,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await commitWrites(roomsDb, (tx) => [
    failsWith(tx.roomKey.create({ studioId, roomKey: room.roomKey, roomId: room.roomId }).commit(), () => nameTaken(input.name)),
    tx.room.create(room).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "room.created", entityType: "room", entityId: room.roomId, after: room }),
  ]);
  return toRoom(room, studio);
}

/** Whether anything (a lesson or a reservation) is booked in the room from now on. */
async function bookedAhead(room: RoomRecord): Promise<boolean> {
  const { lesson, roomReservation } = roomsDb().entities;
  const now = new Date().toISOString();
  const [lessons, reservations] = await Promise.all([
    lesson.query
      .roomCalendar({ studioId: room.studioId, roomKey: room.roomKey })
      .gte({ scheduledStart: now })
      .where((a, op) => op.ne(a.status, "cancelled"))
      .go({ limit: 1, pages: "all" }),
    roomReservation.query
      .roomReservations({ studioId: room.studioId, roomId: room.roomId })
      .gte({ start: now })
      .where((a, op) => op.eq(a.status, "confirmed"))
      .go({ limit: 1, pages: "all" }),
  ]);
  return lessons.data.length > 0 || reservations.data.length > 0;
}

/**
 * Changes a room (admins); `null` clears capacity, rate or description. A new name moves the
 * room's booking key, so it is refused while lessons or reservations ahead are booked in the room
 * (409: they would lose their hold on it).
 */
export async function updateRoom(actor: Actor, studioId: string, roomId: string, input: UpdateRoomInput) {
  const { member, studio, room } = await loadRoom(actor, studioId, roomId);
  assertMay(member, "room.manage");
  const set = fieldsOf(input);
  const remove = CLEARABLE.filter((field) => input[field] === null || (field === "description" && input.description === ""));
  const newKey = input.name !== undefined ? roomKeyOf(input.name) : room.roomKey;
  if (newKey !== room.roomKey && (await bookedAhead(room))) {
    throw conflict("room.booked_ahead", "Lessons or reservations ahead are booked in this room; rename it once they are over, or move them first", "name");
  }
  const next = { ...room, ...set, roomKey: newKey, updatedAt: new Date().toISOString() } as RoomRecord;
  for (const field of remove) delete next[field];
  await commitWrites(roomsDb, (tx) => [
    ...(newKey !== room.roomKey
      ? [
          failsWith(tx.roomKey.create({ studioId, roomKey: newKey, roomId }).commit(), () => nameTaken(input.name!)),
          tx.roomKey.delete({ studioId, roomKey: room.roomKey }).commit(),
        ]
      : []),
    failsWith(
      tx.room
        .patch({ studioId, roomId })
        .set({ ...set, roomKey: newKey, listing: room.listing, updatedBy: actor.userId })
        .remove([...remove])
        .where((a, op) => op.eq(a.updatedAt, room.updatedAt))
        .commit(),
      changed,
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "room.updated", entityType: "room", entityId: roomId, before: room, after: next }),
  ]);
  return toRoom(next, studio);
}

/**
 * Removes a room from the list (admins): lessons and reservations that were in it keep its name;
 * its name is free for a new room. Refused while anything ahead is booked in it.
 */
export async function deleteRoom(actor: Actor, studioId: string, roomId: string) {
  const { member, room } = await loadRoom(actor, studioId, roomId);
  assertMay(member, "room.manage");
  if (await bookedAhead(room)) throw conflict("room.booked_ahead", "Lessons or reservations ahead are booked in this room; move or cancel them first");
  await commitWrites(roomsDb, (tx) => [
    tx.roomKey.delete({ studioId, roomKey: room.roomKey }).commit(),
    failsWith(
      tx.room
        .patch({ studioId, roomId })
        .set({ listing: "deleted", deletedAt: new Date().toISOString(), roomKey: room.roomKey, updatedBy: actor.userId })
        .where((a, op) => op.eq(a.updatedAt, room.updatedAt))
        .commit(),
      changed,
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "room.deleted", entityType: "room", entityId: roomId, before: room }),
  ]);
}
