import { jobHandler, studioAreas, type ApiModule } from "../module";

/** The announcements module (its operations: routes.ts): announcements to audiences, by email and in the app, with delivery receipts. */
export const announcementsModule = {
  name: "announcements",
  routeKeys: studioAreas("announcements"),
  jobs: [
    {
      name: "Announcements",
      handler: jobHandler("announcements", "send-announcements"),
      schedule: "rate(1 minute)",
      description: "Starts scheduled announcements when their time comes and hands those going out to the outbox, a minute's worth of SES's send rate a minute",
    },
  ],
} as const satisfies ApiModule;
