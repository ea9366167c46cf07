import { studioAreas, type ApiModule } from "../module";

/** The rooms module (its operations: routes.ts): rooms, their calendars and reservations. */
export const roomsModule = {
  name: "rooms",
  routeKeys: studioAreas("rooms"),
} as const satisfies ApiModule;
