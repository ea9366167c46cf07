import { studioAreas, jobHandler, type ApiModule } from "../module";

/** The invoices module (its operations: routes.ts). */
export const invoicesModule = {
  name: "invoices",
  routeKeys: studioAreas("invoices"),
  jobs: [
    {
      name: "InvoiceReminders",
      handler: jobHandler("invoices", "send-invoice-reminders"),
      schedule: "rate(1 hour)",
      description: "Emails invoice reminders before, on and after the due date, marks invoices overdue and applies late fees",
    },
    {
      name: "Autopay",
      handler: jobHandler("invoices", "charge-autopay"),
      schedule: "rate(1 hour)",
      description: "Charges the invoices due today to the families' saved cards (the studio's Stripe account), once each; a decline emails the family",
    },
  ],
} as const satisfies ApiModule;
