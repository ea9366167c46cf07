import { type ApiModule } from "../module";

/** The platform module: also every path no other module is routed ($default) (its operations: routes.ts). */
export const platformModule = {
  name: "platform",
  routeKeys: [],
} as const satisfies ApiModule;
