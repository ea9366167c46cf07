import { studioAreas, type RouteGroup } from "../group";

/** The billing Lambda (its operations: routes.ts). */
export const billingGroup = {
  name: "billing",
  routeKeys: studioAreas("billing-settings", "fee-plans", "billing-accounts", "billing-summary", "invoices", "payments", "billing-runs"),
} as const satisfies RouteGroup;
