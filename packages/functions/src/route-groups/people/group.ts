import { studioAreas, type RouteGroup } from "../group";

/** The people Lambda (its operations: routes.ts). */
export const peopleGroup = {
  name: "people",
  routeKeys: [...studioAreas("teachers", "students", "families", "bands", "imports"), "ANY /v1/public/studios/{slug}/teachers"],
} as const satisfies RouteGroup;
