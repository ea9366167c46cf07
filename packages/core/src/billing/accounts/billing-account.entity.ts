import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const ACCOUNT_KINDS = ["family", "band", "student"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * Who is billed: a family, a band or an individual student. `accountId` is the party's own id
 * (familyId, bandId or studentId), so an account exists at most once per party.
 *
 * - `balanceMinor`: what the account owes (negative = in credit); always the sum of its ledger.
 * - `creditMinor`: money received and not allocated to any invoice (overpayments, credit notes
 *   beyond an invoice's balance); applied to the next invoice issued.
 * - `revision`: bumped by every posting; each posting is conditional on it (see ledger/post.ts).
 */
export const BillingAccountEntity = new Entity({
  model: { entity: "billingAccount", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    kind: { type: ACCOUNT_KINDS, required: true, readOnly: true },
    name: { type: "string", required: true },
    balanceMinor: { type: "number", required: true, default: 0 },
    creditMinor: { type: "number", required: true, default: 0 },
    revision: { type: "number", required: true, default: 0 },
    createdBy: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    billingAccount: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["accountId"] } },
  },
});

/** A stored BillingAccount item, as reads return it. */
export type BillingAccountRecord = EntityItem<typeof BillingAccountEntity>;
