import { jobHandler, studioAreas, type ApiModule } from "../module";

/**
 * The hosting module (its operations: routes.ts): what the platform meters and bills a studio for,
 * and the keys a studio's own systems call the API with.
 * Its usage counters are kept by the table stream's metering consumer (jobs/metering.ts) and the
 * storage samples of its job.
 */
export const hostingModule = {
  name: "hosting",
  routeKeys: studioAreas("usage", "api-keys"),
  jobs: [
    {
      name: "MeterStorage",
      handler: jobHandler("hosting", "meter-storage"),
      schedule: "rate(1 hour)",
      description: "Samples each metered studio's stored bytes once a local day, the first run after its midnight (storage GB-months)",
    },
  ],
} as const satisfies ApiModule;
