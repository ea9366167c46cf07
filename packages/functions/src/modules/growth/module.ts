/** The growth module (its operations: routes.ts): the public page's offerings, teacher pages, trial bookings and enquiries (no login). */
import type { ApiModule } from "../module";

export const growthModule = {
  name: "growth",
  routeKeys: [
    "ANY /v1/public/studios/{slug}/offerings",
    "ANY /v1/public/studios/{slug}/teachers/{teacherId}",
    "ANY /v1/public/studios/{slug}/trial-bookings",
    "ANY /v1/public/studios/{slug}/enquiries",
    "ANY /v1/public/trial-bookings/{proxy+}",
  ],
} as const satisfies ApiModule;
