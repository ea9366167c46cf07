import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * A billing account's saved card at the studio's own Stripe account (seed 000 `PaymentMethod`):
 * saved by the family from an invoice page (a SetupIntent through Checkout), never its number.
 * While `autopay` is on, the account's invoices are charged to it on their due date
 * (run-autopay.ts). `autopayShard` keys the sparse index of accounts on autopay the job reads.
 */
export const AccountCardEntity = new Entity({
  model: { entity: "accountCard", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    stripeCustomerId: { type: "string", required: true },
    paymentMethodId: { type: "string" },
    brand: { type: "string" },
    last4: { type: "string" },
    expMonth: { type: "number" },
    expYear: { type: "number" },
    savedAt: { type: "string" },
    /** "autopay" while the card pays the account's invoices on their due dates. */
    autopayShard: { type: "string" },
    ...timestamps,
  },
  indexes: {
    accountCard: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["accountId"] } },
    autopayAccounts: { index: "gsi1", pk: { field: "gsi1pk", composite: ["autopayShard"] }, sk: { field: "gsi1sk", composite: ["studioId", "accountId"] } },
  },
});

export type AccountCardRecord = EntityItem<typeof AccountCardEntity>;

/** "Visa •••• 4242" */
export const accountCardWords = (card: Pick<AccountCardRecord, "brand" | "last4">) =>
  `${(card.brand ?? "card").replace(/^./, (c) => c.toUpperCase())} •••• ${card.last4 ?? "????"}`;
