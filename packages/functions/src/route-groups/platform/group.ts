import { type RouteGroup } from "../group";

/** The platform Lambda: also every path no other group is routed ($default) (its operations: routes.ts). */
export const platformGroup = {
  name: "platform",
  routeKeys: [],
} as const satisfies RouteGroup;
