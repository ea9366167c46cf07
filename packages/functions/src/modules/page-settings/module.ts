import { studioAreas, type ApiModule } from "../module";

/** The page-settings module (its operations: routes.ts): what the public page offers and how visitors book trials (staff). */
export const pageSettingsModule = {
  name: "page-settings",
  routeKeys: studioAreas("booking-settings"),
} as const satisfies ApiModule;
