import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";
import { ACCOUNT_KINDS } from "../accounts/billing-account.entity";

/** pending: waits for the next billing run; billed: on an invoice (its billedItem marker says which); cancelled: never billed. */
export const CHARGE_LISTINGS = ["pending", "billed", "cancelled"] as const;
export type ChargeListing = (typeof CHARGE_LISTINGS)[number];

/**
 * A one-off charge (or, negative, a credit) on a billing account that the next billing run puts
 * on the account's invoice as a `charge` line, once: its marker is `charge#<chargeId>`
 * (billed-item.entity.ts), created in the draft's transaction, which also turns the charge
 * `billed`. A draft deleted, a line removed or an invoice voided without reissue gives the marker
 * back and the charge turns `pending` again, so the following run bills it. Other modules write
 * charges in their own transactions (lending: a loan's deposit and rental fee; rooms later:
 * reservations) through `pendingChargeWrite` and name themselves in `sourceType`/`sourceId`.
 *
 * `listing` keys `chargesByState` (the studio's pending charges by date: one query per run).
 */
export const BillingChargeEntity = new Entity({
  model: { entity: "billingCharge", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    chargeId: { type: "string", required: true, readOnly: true },
    /** The account billed: the party's own id (familyId or studentId; accounts are keyed by it). */
    accountKind: { type: ACCOUNT_KINDS, required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    /** The student the charge is for (the invoice line names them). */
    studentId: { type: "string", required: true, readOnly: true },
    description: { type: "string", required: true, readOnly: true },
    /** Signed minor units: positive = the account owes more; negative = a credit (a deposit given back). */
    amountMinor: { type: "number", required: true, readOnly: true },
    /** The studio-local date the charge arose; a run bills pending charges dated up to its period's end. */
    chargeDate: { type: "string", required: true, readOnly: true },
    /** What caused it ("loan") and its id, for the source's own views. */
    sourceType: { type: "string", required: true, readOnly: true },
    sourceId: { type: "string", required: true, readOnly: true },
    listing: { type: CHARGE_LISTINGS, required: true, default: "pending" },
    createdBy: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    billingCharge: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["chargeId"] } },
    chargesByState: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["chargeDate", "chargeId"] },
    },
  },
});

/** A stored BillingCharge item, as reads return it. */
export type BillingChargeRecord = EntityItem<typeof BillingChargeEntity>;
