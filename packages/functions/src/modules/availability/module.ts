import { studioAreas, type ApiModule } from "../module";

/** The availability module (its operations: routes.ts). */
export const availabilityModule = {
  name: "availability",
  routeKeys: studioAreas("availability", "free-slots", "reschedule-requests"),
} as const satisfies ApiModule;
