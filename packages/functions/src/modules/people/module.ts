import { studioAreas, type ApiModule } from "../module";

/** The people module (its operations: routes.ts). */
export const peopleModule = {
  name: "people",
  routeKeys: [...studioAreas("teachers", "students", "families", "bands", "imports"), "ANY /v1/public/studios/{slug}/teachers"],
} as const satisfies ApiModule;
