import { jobHandler, studioAreas, type ApiModule } from "../module";

/** The lending module (its operations: routes.ts): inventory items and loans. */
export const lendingModule = {
  name: "lending",
  routeKeys: studioAreas("items", "loans"),
  jobs: [
    {
      name: "LoanReminders",
      handler: jobHandler("lending", "send-loan-reminders"),
      schedule: "rate(1 hour)",
      description: "Emails the family when a borrowed item is due back, and again when it is overdue (each once, from 09:00 studio time)",
    },
  ],
} as const satisfies ApiModule;
