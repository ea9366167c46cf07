import { studioAreas, type ApiModule } from "../module";

/** The home pages (its operations: routes.ts): the workspace's Today and the portal's Home, each one read across the modules. */
export const homeModule = {
  name: "home",
  routeKeys: studioAreas("today", "portal"),
} as const satisfies ApiModule;
