import { studioAreas, type ApiModule } from "../module";

/** The billing module (its operations: routes.ts). */
export const billingModule = {
  name: "billing",
  routeKeys: studioAreas("billing-settings", "fee-plans", "billing-accounts", "billing-summary"),
} as const satisfies ApiModule;
