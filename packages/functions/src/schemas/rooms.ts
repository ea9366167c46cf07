import { z } from "@hono/zod-openapi";
import { ReservationSchema, RoomBookingSchema, RoomSchema } from "@studiosync/core/rooms";

export { ReservationSchema, RoomSchema };

export const RoomPageSchema = z.object({ items: z.array(RoomSchema), nextCursor: z.string().nullable() }).openapi("RoomPage");
export const ReservationPageSchema = z.object({ items: z.array(ReservationSchema), nextCursor: z.string().nullable() }).openapi("RoomReservationPage");
export const ReservationListSchema = z.object({ items: z.array(ReservationSchema) }).openapi("RoomReservationList");
export const RoomBookingsSchema = z
  .object({ roomId: z.string(), items: z.array(RoomBookingSchema), room: RoomSchema.optional().openapi({ description: "With `include=room`: the room" }) })
  .openapi("RoomBookings");
export const AdoptedRoomsSchema = z.object({ created: z.array(z.string()) }).openapi("AdoptedRooms");
