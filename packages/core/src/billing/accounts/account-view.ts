import type { AccountAccess } from "../access";
import type { BillingAccount, LedgerEntry } from "./account-schema";
import type { BillingAccountRecord } from "./post-to-ledger";

import type { LedgerEntryRecord } from "./ledger-entry.entity";
export type { LedgerEntryRecord } from "./ledger-entry.entity";
export type { BillingAccount, LedgerEntry };

/**
 * A billing account as the API shows it: what it owes (`balanceMinor`, negative = in credit)
 * and the money it holds unallocated (`creditMinor`), in the studio currency's minor units.
 * `access` says whether the caller sees it in full or as a teacher's summary.
 */
export function toAccount(record: BillingAccountRecord, currency: string, access: Exclude<AccountAccess, "none"> = "full"): BillingAccount {
  return {
    id: record.accountId,
    studioId: record.studioId,
    kind: record.kind,
    name: record.name,
    balanceMinor: record.balanceMinor,
    creditMinor: record.creditMinor,
    currency,
    access,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** One ledger entry: a signed change to the balance (positive = owes more) and the balance after it. */
export function toLedgerEntry(record: LedgerEntryRecord): LedgerEntry {
  return {
    id: record.entryId,
    type: record.type,
    amountMinor: record.amountMinor,
    balanceAfterMinor: record.balanceAfterMinor,
    creditAfterMinor: record.creditAfterMinor,
    description: record.description,
    invoiceId: record.invoiceId ?? null,
    paymentId: record.paymentId ?? null,
    at: record.createdAt,
  };
}
