import { studioAreas, type ApiModule } from "../module";

/**
 * The home pages (its operations: routes.ts): the workspace's Today and the portal's Home, each one
 * read across the modules, and the workspace's choices (the lists a page's selects choose from).
 */
export const homeModule = {
  name: "home",
  routeKeys: studioAreas("today", "portal", "choices"),
} as const satisfies ApiModule;
