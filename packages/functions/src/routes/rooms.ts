import { createRoute, z } from "@hono/zod-openapi";
import * as Rooms from "@studiosync/core/rooms";
import { createRouter } from "../http/router";
import { pathId, secured, studioParams } from "../http/route-params";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import {
  AdoptedRoomsSchema,
  ReservationPageSchema,
  ReservationListSchema,
  ReservationSchema,
  RoomBookingsSchema,
  RoomPageSchema,
  RoomSchema,
} from "../schemas/rooms";

const tags = ["Rooms"];
const roomParams = studioParams.extend({ roomId: pathId("roomId") });
const reservationParams = roomParams.extend({ reservationId: pathId("reservationId") });

const listRooms = createRoute({
  method: "get",
  path: "/{studioId}/rooms",
  tags,
  summary: "The studio's rooms by name (staff: every room; students and parents: the rooms they may reserve)",
  ...secured,
  request: { params: studioParams, query: Rooms.listRoomsQuerySchema },
  responses: { 200: jsonResponse(RoomPageSchema, "One page of rooms"), ...problems(401, 404, 422) },
});

const createRoom = createRoute({
  method: "post",
  path: "/{studioId}/rooms",
  tags,
  summary: "Add a room (admins): name, capacity, hourly rate, equipment, who may reserve it, opening hours",
  description: "A room's name is unique in the studio (409 `room.name_taken`); lessons booked with that room name are in it.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Rooms.createRoomSchema.openapi("CreateRoomRequest")) },
  responses: { 201: jsonResponse(RoomSchema, "The new room"), ...problems(401, 403, 404, 409, 422) },
});

const adopt = createRoute({
  method: "post",
  path: "/{studioId}/rooms/from-lessons",
  tags,
  summary: "Make a room for every room name the studio's lessons use that no room has yet (admins)",
  description: "The rooms lessons were booked into before rooms were records; each keeps its bookings. Running it again makes nothing twice.",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(AdoptedRoomsSchema, "The names of the rooms made"), ...problems(401, 403, 404) },
});

const myReservations = createRoute({
  method: "get",
  path: "/{studioId}/rooms/reservations/mine",
  tags,
  summary: "A student's or family's room reservations ahead, by start",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(ReservationListSchema, "The reservations"), ...problems(401, 404) },
});

const getRoom = createRoute({
  method: "get",
  path: "/{studioId}/rooms/{roomId}",
  tags,
  summary: "A room",
  ...secured,
  request: { params: roomParams },
  responses: { 200: jsonResponse(RoomSchema, "The room"), ...problems(401, 404) },
});

const updateRoom = createRoute({
  method: "patch",
  path: "/{studioId}/rooms/{roomId}",
  tags,
  summary: "Change a room (admins); `null` clears capacity, rate or description",
  description: "A new name is refused (409 `room.booked_ahead`) while lessons or reservations ahead are booked in the room.",
  ...secured,
  request: { params: roomParams, body: jsonBody(Rooms.updateRoomSchema.openapi("UpdateRoomRequest")) },
  responses: { 200: jsonResponse(RoomSchema, "The room"), ...problems(401, 403, 404, 409, 422) },
});

const deleteRoom = createRoute({
  method: "delete",
  path: "/{studioId}/rooms/{roomId}",
  tags,
  summary: "Remove a room (admins); refused while anything ahead is booked in it",
  ...secured,
  request: { params: roomParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});

const bookings = createRoute({
  method: "get",
  path: "/{studioId}/rooms/{roomId}/bookings",
  tags,
  summary: "What holds the room between two instants: its lessons and reservations (students and parents see only that it is taken)",
  description: "`include=room` adds `room`: the room itself (read with the membership, no extra read), for the room's page.",
  ...secured,
  request: {
    params: roomParams,
    query: z.object({
      from: Rooms.listReservationsQuerySchema.shape.from.unwrap(),
      to: Rooms.listReservationsQuerySchema.shape.to.unwrap(),
      include: z.enum(["room"], { errorMap: () => ({ message: "must be room" }) }).optional(),
    }),
  },
  responses: { 200: jsonResponse(RoomBookingsSchema, "The room's bookings, by start"), ...problems(401, 404, 422) },
});

const listReservations = createRoute({
  method: "get",
  path: "/{studioId}/rooms/{roomId}/reservations",
  tags,
  summary: "A room's reservations from `from` (default now), by start: staff all; students and parents their household's",
  ...secured,
  request: { params: roomParams, query: Rooms.listReservationsQuerySchema },
  responses: { 200: jsonResponse(ReservationPageSchema, "One page of reservations"), ...problems(401, 404, 422) },
});

const reserve = createRoute({
  method: "post",
  path: "/{studioId}/rooms/{roomId}/reservations",
  tags,
  summary: "Reserve a room: staff any room (for the studio or a student); students and parents a room open to them, for themselves or a child",
  description:
    "In the future, inside the room's opening hours, on a day the studio is open, and free: a lesson or another reservation in the " +
    "way is a 409 naming it (lessons and reservations share one booking engine, so of two racing for the room one wins). For a " +
    "student, the room's hourly rate pro rata is charged on the family's (or student's) next invoice.",
  ...secured,
  request: { params: roomParams, body: jsonBody(Rooms.reserveRoomSchema.openapi("ReserveRoomRequest")) },
  responses: { 201: jsonResponse(ReservationSchema, "The reservation"), ...problems(401, 403, 404, 409, 422) },
});

const cancel = createRoute({
  method: "post",
  path: "/{studioId}/rooms/{roomId}/reservations/{reservationId}/cancel",
  tags,
  summary: "Cancel a reservation before it starts (admins, whoever made it, the household it is for); its charge is cancelled or credited",
  ...secured,
  request: { params: reservationParams },
  responses: { 200: jsonResponse(ReservationSchema, "The cancelled reservation"), ...problems(401, 403, 404, 409) },
});

export const roomRoutes = createRouter()
  .openapi(listRooms, async (c) => c.json(await Rooms.listRooms(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createRoom, async (c) => c.json(await Rooms.createRoom(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(adopt, async (c) => c.json(await Rooms.adoptLessonRooms(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(myReservations, async (c) => c.json({ items: await Rooms.myReservations(c.get("actor"), c.req.valid("param").studioId) }, 200))
  .openapi(getRoom, async (c) => {
    const { studioId, roomId } = c.req.valid("param");
    return c.json(await Rooms.getRoom(c.get("actor"), studioId, roomId), 200);
  })
  .openapi(updateRoom, async (c) => {
    const { studioId, roomId } = c.req.valid("param");
    return c.json(await Rooms.updateRoom(c.get("actor"), studioId, roomId, c.req.valid("json")), 200);
  })
  .openapi(deleteRoom, async (c) => {
    const { studioId, roomId } = c.req.valid("param");
    await Rooms.deleteRoom(c.get("actor"), studioId, roomId);
    return c.body(null, 204);
  })
  .openapi(bookings, async (c) => {
    const { studioId, roomId } = c.req.valid("param");
    return c.json(await Rooms.roomBookings(c.get("actor"), studioId, roomId, c.req.valid("query")), 200);
  })
  .openapi(listReservations, async (c) => {
    const { studioId, roomId } = c.req.valid("param");
    return c.json(await Rooms.listRoomReservations(c.get("actor"), studioId, roomId, c.req.valid("query")), 200);
  })
  .openapi(reserve, async (c) => {
    const { studioId, roomId } = c.req.valid("param");
    return c.json(await Rooms.reserveRoom(c.get("actor"), studioId, roomId, c.req.valid("json")), 201);
  })
  .openapi(cancel, async (c) => {
    const { studioId, roomId, reservationId } = c.req.valid("param");
    return c.json(await Rooms.cancelReservation(c.get("actor"), studioId, roomId, reservationId), 200);
  });
