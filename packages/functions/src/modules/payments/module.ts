import { studioAreas, type ApiModule } from "../module";

/** The payments module (its operations: routes.ts). */
export const paymentsModule = {
  name: "payments",
  routeKeys: studioAreas("payments"),
} as const satisfies ApiModule;
