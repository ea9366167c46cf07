import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

export const RESERVATION_STATUSES = ["confirmed", "cancelled"] as const;

/** The holder of a reservation for the studio's own use (no student). */
export const STUDIO_HOLDER = "studio";

/**
 * A room reserved outside lessons (seeds: RoomReservation): by staff, or by a student or parent
 * for practice. It holds the room in the day schedules like a lesson (its id in the booking's
 * `lessonId`), so a lesson and a reservation never take the same room at once. A reservation for a
 * student with a cost adds a pending billing charge in the same transaction (the next billing run
 * puts it on the family's or student's invoice); cancelling it before the run cancels the charge.
 */
export const RoomReservationEntity = new Entity({
  model: { entity: "roomReservation", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    reservationId: { type: "string", required: true, readOnly: true },
    roomId: { type: "string", required: true, readOnly: true },
    roomKey: { type: "string", required: true, readOnly: true },
    roomName: { type: "string", required: true, readOnly: true },
    /** UTC instants, end exclusive. */
    start: { type: "string", required: true, readOnly: true },
    end: { type: "string", required: true, readOnly: true },
    status: { type: RESERVATION_STATUSES, required: true, default: "confirmed" },
    /** Whom it is for (a student's practice); none for the studio's own use. */
    studentId: { type: "string", readOnly: true },
    /** The student's id, or STUDIO_HOLDER: keys the household index (every composite must be set). */
    holderId: { type: "string", required: true, readOnly: true },
    costMinor: { type: "number", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    /** The billing charge of its cost, when there is one. */
    chargeId: { type: "string", readOnly: true },
    notes: { type: "string" },
    reservedBy: { type: "string", required: true, readOnly: true },
    reservedByName: { type: "string", required: true, readOnly: true },
    cancelledAt: { type: "string" },
    cancelledBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    reservation: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["reservationId"] } },
    roomReservations: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "roomId"] },
      sk: { field: "gsi1sk", composite: ["start", "reservationId"] },
    },
    /** A household's reservations: by `holderId` (the student's id; "studio" for the studio's own use). */
    studentReservations: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "holderId"] },
      sk: { field: "gsi2sk", composite: ["start", "reservationId"] },
    },
  },
});

/** A stored RoomReservation item, as reads return it. */
export type RoomReservationRecord = EntityItem<typeof RoomReservationEntity>;
