import { studioAreas, jobHandler, type ApiModule } from "../module";

/** The cancellations module (its operations: routes.ts). */
export const cancellationsModule = {
  name: "cancellations",
  routeKeys: [
    // API Gateway picks the most specific route, so a lesson's cancellation reaches this Lambda, not scheduling.
    "ANY /v1/studios/{studioId}/lessons/{lessonId}/cancel",
    "ANY /v1/studios/{studioId}/lessons/{lessonId}/cancellation-preview",
    ...studioAreas("makeup-credits"),
  ],
  jobs: [
    {
      name: "BroadcastSlotOffers",
      handler: jobHandler("cancellations", "broadcast-slot-offers"),
      schedule: "rate(5 minutes)",
      description: "Emails each lesson slot a family cancelled to the families holding a make-up credit with its teacher (first to claim books it)",
    },
    {
      name: "ExpireMakeupCredits",
      handler: jobHandler("cancellations", "expire-makeup-credits"),
      schedule: "cron(30 3 * * ? *)",
      description: "Expires make-up credits past their expiry date",
    },
  ],
} as const satisfies ApiModule;
