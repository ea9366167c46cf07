import { studioAreas, type ApiModule } from "../module";

/** The closures module (its operations: routes.ts). */
export const closuresModule = {
  name: "closures",
  routeKeys: studioAreas("closures", "cancellation-policy"),
} as const satisfies ApiModule;
