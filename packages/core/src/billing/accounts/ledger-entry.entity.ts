import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const LEDGER_ENTRY_TYPES = ["invoice", "payment", "refund", "credit_note", "late_fee", "void", "credit_applied"] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

/**
 * One change to an account's balance, written in the same transaction as the change. The ledger
 * of an account sums exactly to its balance; `entryId` is a UUIDv7, so the ledger reads in order.
 */
export const LedgerEntryEntity = new Entity({
  model: { entity: "ledgerEntry", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    entryId: { type: "string", required: true, readOnly: true },
    type: { type: LEDGER_ENTRY_TYPES, required: true, readOnly: true },
    /** Signed: positive = the account owes more. 0 for moves that don't change the balance (credit applied). */
    amountMinor: { type: "number", required: true, readOnly: true },
    balanceAfterMinor: { type: "number", required: true, readOnly: true },
    creditAfterMinor: { type: "number", required: true, readOnly: true },
    description: { type: "string", required: true, readOnly: true },
    invoiceId: { type: "string", readOnly: true },
    paymentId: { type: "string", readOnly: true },
    actorId: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    ledgerEntry: { pk: { field: "pk", composite: ["studioId", "accountId"] }, sk: { field: "sk", composite: ["entryId"] } },
  },
});

/** A stored LedgerEntry item, as reads return it. */
export type LedgerEntryRecord = EntityItem<typeof LedgerEntryEntity>;
