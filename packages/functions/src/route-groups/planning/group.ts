import { studioAreas, type RouteGroup } from "../group";

/** The planning Lambda (its operations: routes.ts). */
export const planningGroup = {
  name: "planning",
  routeKeys: studioAreas("recurring-patterns", "availability", "free-slots", "closures", "cancellation-policy"),
} as const satisfies RouteGroup;
