import { type RouteGroup } from "../group";

/** The pay Lambda (its operations: routes.ts). */
export const payGroup = {
  name: "pay",
  routeKeys: ["ANY /v1/public/invoices/{proxy+}", "ANY /v1/webhooks/stripe"],
} as const satisfies RouteGroup;
