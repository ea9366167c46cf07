import { jobHandler, studioAreas, type ApiModule } from "../module";

/**
 * The hosting module (its operations: routes.ts): what the platform meters and bills a studio for,
 * the keys and webhooks a studio's own systems use to reach it, and the studio's own domains.
 * Its usage counters are kept by the table stream's metering consumer (jobs/metering.ts) and the
 * storage samples of its job.
 */
export const hostingModule = {
  name: "hosting",
  routeKeys: [...studioAreas("usage", "platform-invoices", "payment-methods", "api-keys", "webhook-endpoints", "domains"), "GET /v1/public/domains/{hostname}"],
  jobs: [
    {
      name: "MeterStorage",
      handler: jobHandler("hosting", "meter-storage"),
      schedule: "rate(1 hour)",
      description: "Samples each metered studio's stored bytes once a local day, the first run after its midnight (storage GB-months)",
    },
    {
      name: "PlatformBilling",
      handler: jobHandler("hosting", "bill-studios"),
      schedule: "rate(1 hour)",
      description:
        "Invoices each studio's month once it has ended in its zone, charges the saved cards on the dunning ladder (pausing at its end) and sends spending cap alerts",
    },
    {
      name: "WebhookRetries",
      handler: jobHandler("hosting", "retry-webhooks"),
      schedule: "rate(1 minute)",
      description:
        "Attempts webhook deliveries whose backoff is over (1 and 5 min, 30 min, 2, 6, 12, 24 h); gives up after 8 attempts and turns a failing endpoint off",
    },
  ],
} as const satisfies ApiModule;
