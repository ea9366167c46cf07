import { sortedHours } from "../scheduling";
import type { StudioRecord } from "../studios/module";
import type { RoomReservationRecord } from "./room-reservation.entity";
import type { Room, Reservation } from "./room-schema";
import type { RoomRecord } from "./room.entity";

export const toRoom = (r: RoomRecord, studio: Pick<StudioRecord, "currency" | "timeZone">): Room => ({
  id: r.roomId,
  name: r.name,
  capacity: r.capacity ?? null,
  hourlyRateMinor: r.hourlyRateMinor ?? null,
  currency: studio.currency,
  equipment: r.equipment ?? [],
  description: r.description ?? null,
  bookableBy: r.bookableBy,
  openingHours: sortedHours(r.openingHours ?? []),
  timeZone: studio.timeZone,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toReservation = (r: RoomReservationRecord): Reservation => ({
  id: r.reservationId,
  roomId: r.roomId,
  roomName: r.roomName,
  start: r.start,
  end: r.end,
  status: r.status,
  studentId: r.studentId ?? null,
  costMinor: r.costMinor,
  currency: r.currency,
  notes: r.notes ?? null,
  reservedByName: r.reservedByName,
  createdAt: r.createdAt,
  cancelledAt: r.cancelledAt ?? null,
});
