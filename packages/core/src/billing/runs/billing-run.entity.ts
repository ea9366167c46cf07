import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * One billing run over a period (local dates, inclusive). `runId` is the period itself
 * ("2026-12-01_2026-12-31"), so running the same period again finds the same run.
 */
export const BillingRunEntity = new Entity({
  model: { entity: "billingRun", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    runId: { type: "string", required: true, readOnly: true },
    periodStart: { type: "string", required: true, readOnly: true },
    periodEnd: { type: "string", required: true, readOnly: true },
    trigger: { type: ["manual", "schedule"] as const, required: true },
    status: { type: ["drafting", "drafted", "sent"] as const, required: true },
    invoiceIds: { type: "list", items: { type: "string" } },
    accountCount: { type: "number", required: true, default: 0 },
    totalMinor: { type: "number", required: true, default: 0 },
    /** Things the run did not bill, with why (no rate, covered by a plan, cancelled with a make-up credit…). */
    skipped: {
      type: "list",
      items: {
        type: "map",
        properties: {
          lessonId: { type: "string" },
          studentId: { type: "string" },
          reason: { type: "string", required: true },
        },
      },
    },
    startedBy: { type: "string" },
    runCount: { type: "number", required: true, default: 0 },
    ...timestamps,
  },
  indexes: {
    billingRun: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["runId"] } },
  },
});

/** A stored BillingRun item, as reads return it. */
export type BillingRunRecord = EntityItem<typeof BillingRunEntity>;
