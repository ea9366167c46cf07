import type { EntityItem } from "electrodb";
import { LISTINGS, SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** Who may reserve a room outside lessons: staff only, or students and parents too (practice rooms). */
export const ROOM_BOOKABLE_BY = ["staff", "students"] as const;

/**
 * A room of the studio (seeds: PracticeRoom): lessons take place in it and students may reserve it
 * to practise. `roomKey` is its booking key in the day schedules — the normalised name
 * (roomKeyOf), so lessons booked by the room's name before rooms were records share its
 * schedule; a room is renamed only while nothing ahead is booked in it, so the key and the name
 * never part. Opening hours are local to the studio; reservations must fall inside them.
 */
export const RoomEntity = new Entity({
  model: { entity: "room", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    roomId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    roomKey: { type: "string", required: true },
    capacity: { type: "number" },
    /** Minor units per hour, in the studio's currency; a reservation costs it pro rata. */
    hourlyRateMinor: { type: "number" },
    equipment: { type: "list", items: { type: "string" } },
    description: { type: "string" },
    bookableBy: { type: ROOM_BOOKABLE_BY, required: true, default: "staff" },
    openingHours: {
      type: "list",
      items: {
        type: "map",
        properties: {
          /** ISO weekday 1 = Monday … 7 = Sunday. */
          weekday: { type: "number", required: true },
          start: { type: "string", required: true },
          end: { type: "string", required: true },
        },
      },
    },
    /** "deleted" moves a room out of the list (kept for the lessons that name it). */
    listing: { type: LISTINGS, required: true, default: "listed" },
    deletedAt: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    room: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["roomId"] } },
    roomsByName: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["roomKey", "roomId"] },
    },
  },
});

/** A stored Room item, as reads return it. */
export type RoomRecord = EntityItem<typeof RoomEntity>;

/**
 * "This room key is taken by that room": created on condition that it does not exist with the
 * room (and moved with a rename), so two rooms of a studio never share a name, and so a booking key.
 */
export const RoomKeyEntity = new Entity({
  model: { entity: "roomKey", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    roomKey: { type: "string", required: true, readOnly: true },
    roomId: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    roomKey: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["roomKey"] } },
  },
});

/** A stored RoomKey item, as reads return it. */
export type RoomKeyRecord = EntityItem<typeof RoomKeyEntity>;
