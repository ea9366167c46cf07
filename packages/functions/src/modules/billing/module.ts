import { studioAreas, jobHandler, type ApiModule } from "../module";

/** The billing module (its operations: routes.ts). */
export const billingModule = {
  name: "billing",
  routeKeys: studioAreas("billing-settings", "fee-plans", "billing-accounts", "billing-summary", "invoices", "payments", "billing-runs"),
  jobs: [
    {
      name: "BillingRun",
      handler: jobHandler("billing", "billing-run"),
      schedule: "cron(0 6 * * ? *)",
      description: "Drafts each account's invoice for the period, for studios whose monthly run day is today in their time zone",
    },
    {
      name: "InvoiceReminders",
      handler: jobHandler("billing", "send-invoice-reminders"),
      schedule: "rate(1 hour)",
      description: "Emails invoice reminders before, on and after the due date, marks invoices overdue and applies late fees",
    },
  ],
} as const satisfies ApiModule;
