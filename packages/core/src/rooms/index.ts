export { createRoom, updateRoom, deleteRoom } from "./manage-rooms";
export { adoptLessonRooms } from "./adopt-lesson-rooms";
export { listRooms, getRoom, roomsFor } from "./list-rooms";
export { reserveRoom, cancelReservation, reservationCost } from "./reservations";
export { listRoomReservations, myReservations, roomBookings } from "./list-reservations";
export { withinOpeningHours } from "./opening-hours";
export { roomsDb, roomsEntities, type RoomsTx } from "./rooms-db";
export * from "./schemas";
export * from "./room-schema";
