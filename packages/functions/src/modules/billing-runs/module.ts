import { studioAreas, jobHandler, type ApiModule } from "../module";

/** The billing-runs module (its operations: routes.ts). */
export const billingRunsModule = {
  name: "billing-runs",
  routeKeys: studioAreas("billing-runs"),
  jobs: [
    {
      name: "BillingRun",
      handler: jobHandler("billing-runs", "billing-run"),
      schedule: "cron(0 6 * * ? *)",
      description: "Drafts each account's invoice for the period, for studios whose monthly run day is today in their time zone",
    },
  ],
} as const satisfies ApiModule;
