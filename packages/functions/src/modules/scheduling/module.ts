import { studioAreas, jobHandler, type ApiModule } from "../module";

/** The scheduling module (its operations: routes.ts). */
export const schedulingModule = {
  name: "scheduling",
  routeKeys: [...studioAreas("lessons", "attendance", "makeup-credits", "reschedule-requests", "today", "portal"), "ANY /v1/public/lesson-links/{proxy+}"],
  jobs: [
    {
      name: "LessonReminders",
      handler: jobHandler("scheduling", "send-lesson-reminders"),
      schedule: "rate(15 minutes)",
      description: "Emails students and guardians before each lesson (lead time a studio setting, default 24 h)",
    },
    {
      name: "BroadcastSlotOffers",
      handler: jobHandler("scheduling", "broadcast-slot-offers"),
      schedule: "rate(5 minutes)",
      description: "Emails each lesson slot a family cancelled to the families holding a make-up credit with its teacher (first to claim books it)",
    },
    {
      name: "ExpireMakeupCredits",
      handler: jobHandler("scheduling", "expire-makeup-credits"),
      schedule: "cron(30 3 * * ? *)",
      description: "Expires make-up credits past their expiry date",
    },
  ],
} as const satisfies ApiModule;
