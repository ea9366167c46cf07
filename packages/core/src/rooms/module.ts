import type { CoreModule } from "../kernel/core-module";
import { RoomReservationEntity } from "./room-reservation.entity";
import { RoomEntity, RoomKeyEntity } from "./room.entity";

export * from "./room-reservation.entity";
export * from "./room.entity";

/**
 * The rooms module's declaration: the studio's rooms, the claims on their names and their
 * reservations, with their record types. Lessons name a room by its name (scheduling); the day
 * schedules both book are the scheduling module's.
 */
export const roomsModule = {
  name: "rooms",
  entities: {
    room: RoomEntity,
    roomKey: RoomKeyEntity,
    roomReservation: RoomReservationEntity,
  },
} as const satisfies CoreModule;
