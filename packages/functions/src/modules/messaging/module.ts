import { jobHandler, studioAreas, type ApiModule } from "../module";

/** The messaging module (its operations: routes.ts): conversations, their messages and files, and the mail about them. */
export const messagingModule = {
  name: "messaging",
  routeKeys: studioAreas("threads", "thread-recipients"),
  jobs: [
    {
      name: "MessageMail",
      handler: jobHandler("messaging", "send-message-mail"),
      schedule: "rate(1 minute)",
      description: "Emails each participant their unread messages a few minutes after the first (a burst is one email), with a reply address of their own",
    },
  ],
} as const satisfies ApiModule;
