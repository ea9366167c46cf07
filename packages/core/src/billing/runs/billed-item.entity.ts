import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * "This was billed on that invoice": one item per billable thing, created on condition that it
 * does not exist in the same transaction as the invoice line, so nothing is billed twice.
 * Keys (billedKeys.ts): `lesson#<lessonId>#<studentId>`, `monthly#<feePlanId>#<studentId>#<yyyy-mm>`,
 * `term#<feePlanId>#<studentId>`, `charge#<chargeId>` (a one-off charge, charges/). Deleted with a deleted draft or a voided invoice (its reissue takes them again).
 */
export const BilledItemEntity = new Entity({
  model: { entity: "billedItem", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    billedKey: { type: "string", required: true, readOnly: true },
    invoiceId: { type: "string", required: true },
    accountId: { type: "string", required: true },
    ...timestamps,
  },
  indexes: {
    billedItem: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["billedKey"] } },
  },
});

export const billedKeys = {
  lesson: (lessonId: string, studentId: string) => `lesson#${lessonId}#${studentId}`,
  monthly: (feePlanId: string, studentId: string, month: string) => `monthly#${feePlanId}#${studentId}#${month}`,
  term: (feePlanId: string, studentId: string) => `term#${feePlanId}#${studentId}`,
  charge: (chargeId: string) => `charge#${chargeId}`,
};

/** The charge a `charge#` marker stands for, or null for other markers. */
export const chargeIdOf = (billedKey: string) => (billedKey.startsWith("charge#") ? billedKey.slice("charge#".length) : null);

/** A stored BilledItem item, as reads return it. */
export type BilledItemRecord = EntityItem<typeof BilledItemEntity>;
