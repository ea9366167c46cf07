import { z } from "../kernel/schema/openapi-zod";
import { WorkingRangeSchema } from "../scheduling";
import { RESERVATION_STATUSES } from "./room-reservation.entity";
import { ROOM_BOOKABLE_BY } from "./room.entity";

/** A room as the API shows it (room-view.ts maps a record to it). */
export const RoomSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    capacity: z.number().int().nullable(),
    hourlyRateMinor: z.number().int().nullable().openapi({ description: "Minor units per hour in the studio's currency" }),
    currency: z.string(),
    equipment: z.array(z.string()),
    description: z.string().nullable(),
    bookableBy: z.enum(ROOM_BOOKABLE_BY),
    openingHours: z.array(WorkingRangeSchema).openapi({ description: "Local to the studio; empty: open whenever the studio is" }),
    timeZone: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Room");
export type Room = z.infer<typeof RoomSchema>;

export const ReservationSchema = z
  .object({
    id: z.string(),
    roomId: z.string(),
    roomName: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.enum(RESERVATION_STATUSES),
    studentId: z.string().nullable(),
    costMinor: z.number().int().openapi({ description: "What the student's account is charged on the next invoice (0: nothing)" }),
    currency: z.string(),
    notes: z.string().nullable(),
    reservedByName: z.string(),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
  })
  .openapi("RoomReservation");
export type Reservation = z.infer<typeof ReservationSchema>;

/** One booking in a room: a lesson or a reservation (a room's calendar). */
export const RoomBookingSchema = z
  .object({
    kind: z.enum(["lesson", "reservation"]),
    id: z.string(),
    start: z.string(),
    end: z.string(),
    title: z.string(),
  })
  .openapi("RoomBooking");
