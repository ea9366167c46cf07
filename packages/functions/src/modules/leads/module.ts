import { jobHandler, studioAreas, type ApiModule } from "../module";

/** The leads module (its operations: routes.ts): the studio's CRM of prospective students. */
export const leadsModule = {
  name: "leads",
  routeKeys: studioAreas("leads"),
  jobs: [
    {
      name: "LeadFollowUps",
      handler: jobHandler("leads", "send-lead-follow-ups"),
      schedule: "rate(1 hour)",
      description: "Emails each task owner one daily list of their lead follow-ups due and overdue (from 08:00 studio time, once a day)",
    },
  ],
} as const satisfies ApiModule;
