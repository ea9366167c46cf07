import { type ApiModule } from "../module";

/** The pay module (its operations: routes.ts). */
export const payModule = {
  name: "pay",
  routeKeys: ["ANY /v1/public/invoices/{proxy+}", "ANY /v1/webhooks/stripe"],
} as const satisfies ApiModule;
