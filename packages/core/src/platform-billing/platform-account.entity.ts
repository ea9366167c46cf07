import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * A studio as the platform's customer: its customer and saved card at the platform's Stripe
 * account (the card's id and what the owner sees of it: never its number), and the spending cap
 * the owner set with the alerts sent for it this month. Made when the owner first saves a card or
 * sets a cap. `capShard` keys the sparse index of capped studios the hourly job checks.
 */
export const PlatformAccountEntity = new Entity({
  model: { entity: "platformAccount", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    stripeCustomerId: { type: "string" },
    paymentMethodId: { type: "string" },
    cardBrand: { type: "string" },
    cardLast4: { type: "string" },
    cardExpMonth: { type: "number" },
    cardExpYear: { type: "number" },
    cardSavedAt: { type: "string" },
    cardSavedBy: { type: "string" },
    /** The most the owner wants a month to cost, in cents; alerts at 80 % and 100 % of it. */
    spendingCapMinor: { type: "number" },
    /** "cap" while a cap is set (the sparse index of capped studios). */
    capShard: { type: "string" },
    /** The month (YYYY-MM, the studio's zone) and the highest alert level (80, 100) sent in it. */
    capAlertMonth: { type: "string" },
    capAlertLevel: { type: "number" },
    ...timestamps,
  },
  indexes: {
    platformAccount: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: [] } },
    cappedAccounts: { index: "gsi1", pk: { field: "gsi1pk", composite: ["capShard"] }, sk: { field: "gsi1sk", composite: ["studioId"] } },
  },
});

export type PlatformAccountRecord = EntityItem<typeof PlatformAccountEntity>;
