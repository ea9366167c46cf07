import { jobHandler, studioAreas, type ApiModule } from "../module";

/**
 * The notices module (its operations: routes.ts): what reaches each person besides a conversation —
 * their notification centre, with the daily digests (their preferences are the platform's); and
 * the studio's events, their invitations, RSVPs and reminders (events/routes.ts, events/jobs/).
 * Events share this Lambda instead of having their own because the Api stack is at
 * CloudFormation's 500 resources a template: a Lambda costs 4 and each route key 3 (its route,
 * integration and invoke permission), so the public events and the emailed links live under one key.
 */
export const noticesModule = {
  name: "notices",
  routeKeys: ["ANY /v1/me/notifications", "ANY /v1/me/notifications/{proxy+}", ...studioAreas("events"), "ANY /v1/public/events/{proxy+}"],
  jobs: [
    {
      name: "NoticeDigests",
      handler: jobHandler("notices", "send-notice-digests"),
      schedule: "rate(1 hour)",
      description: "Sends each person who chose a daily digest their day's notices from a studio, at 18:00 in its zone",
    },
    {
      name: "EventReminders",
      handler: jobHandler("events", "event-reminders"),
      schedule: "rate(15 minutes)",
      description: "Reminds everyone who said yes or maybe before an event (the sparse eventReminderDue index), once each",
    },
  ],
} as const satisfies ApiModule;
