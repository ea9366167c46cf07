import { v7 as uuidv7 } from "uuid";
import { AppError } from "../../kernel/errors";
import type { BillingTx } from "../billing-db";
import type { LedgerEntryType } from "./ledger-entry.entity";
import { failsWith } from "../../kernel/db/commit-writes";

import type { BillingAccountRecord } from "./billing-account.entity";
export type { BillingAccountRecord } from "./billing-account.entity";

/** One change to an account: `amountMinor` changes the balance, `creditDeltaMinor` the unallocated credit. */
export interface Posting {
  type: LedgerEntryType;
  amountMinor: number;
  creditDeltaMinor?: number;
  description: string;
  invoiceId?: string;
  paymentId?: string;
  actorId?: string;
}

/** Another write changed the account between our read and our transaction: read again and retry. */
export class AccountRace extends Error {
  constructor() {
    super("The billing account changed concurrently");
  }
}

/**
 * The transaction items for postings to one account: its new balance and credit (on condition
 * that its `revision` is still the one read, so concurrent postings cannot lose an update) and
 * one ledger entry per posting with the balance after it. A rejected account update is an
 * `AccountRace` (see `withAccountRetry`).
 */
export function postingWrites(tx: BillingTx, account: BillingAccountRecord, postings: Posting[], now = new Date()) {
  let balance = account.balanceMinor;
  let credit = account.creditMinor;
  const stamp = now.toISOString();
  const entries = postings.map((posting) => {
    balance += posting.amountMinor;
    credit += posting.creditDeltaMinor ?? 0;
    if (credit < 0) throw new Error(`Account credit would go negative (${credit})`);
    return tx.ledgerEntry
      .create({
        studioId: account.studioId,
        accountId: account.accountId,
        entryId: uuidv7(),
        type: posting.type,
        amountMinor: posting.amountMinor,
        balanceAfterMinor: balance,
        creditAfterMinor: credit,
        description: posting.description,
        invoiceId: posting.invoiceId,
        paymentId: posting.paymentId,
        actorId: posting.actorId,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .commit();
  });
  const update = failsWith(
    tx.billingAccount
      .patch({ studioId: account.studioId, accountId: account.accountId })
      .set({ balanceMinor: balance, creditMinor: credit, revision: account.revision + 1 })
      .where((a, op) => op.eq(a.revision, account.revision))
      .commit(),
    () => new AccountRace(),
  );
  return [update, ...entries];
}

/** The account after postings (what `postingWrites` writes), for views and follow-up checks. */
export function afterPostings(account: BillingAccountRecord, postings: Posting[]): BillingAccountRecord {
  const amount = postings.reduce((sum, p) => sum + p.amountMinor, 0);
  const credit = postings.reduce((sum, p) => sum + (p.creditDeltaMinor ?? 0), 0);
  return { ...account, balanceMinor: account.balanceMinor + amount, creditMinor: account.creditMinor + credit, revision: account.revision + 1 };
}

/**
 * Runs a read-then-write money change, again from a fresh read when a concurrent change to the
 * same account or invoice (AccountRace) got in first. After several tries it answers 409.
 */
export async function withAccountRetry<T>(attempt: () => Promise<T>, tries = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof AccountRace)) throw error;
      if (i >= tries) throw new AppError("billing_account.busy", "The account is being changed by someone else; try again");
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * i));
    }
  }
}
