import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { AccountRace } from "../accounts/post-to-ledger";
import { billingDb, type BillingTx } from "../billing-db";

type BillingService = ReturnType<typeof billingDb>;
/** One item of a billing transaction (what `….commit()` returns inside `transaction.write`). */
export type BillingTxItem = ReturnType<Parameters<BillingService["transaction"]["write"]>[0]>[number];

/**
 * A write that a caller added to a payment's transaction (`extraWrites`) was rejected: for the
 * Stripe webhook, the event was already processed. Nothing was written.
 */
export class ExtraWriteRejected extends Error {
  constructor() {
    super("A write added to the payment's transaction was rejected");
  }
}

/**
 * Commits a money change: `money` (account update, ledger entries, payment, invoices, …, all
 * conditional on what was read) and `extra` (the caller's own items). A rejected extra item is
 * `ExtraWriteRejected` (checked first: a replayed webhook must not retry); any other rejected
 * condition, or a conflict with a concurrent transaction, is `AccountRace` so the use case reruns
 * from a fresh read.
 */
export async function commitMoney(money: (tx: BillingTx) => BillingTxItem[], extra: (tx: BillingTx) => BillingTxItem[] = () => []): Promise<void> {
  await commitWrites(
    billingDb,
    (tx) => {
      const items = money(tx);
      const more = extra(tx);
      if (items.length + more.length > 100) throw new Error(`A money change of ${items.length + more.length} items does not fit one transaction`);
      // The extra items go first: the first rejected write's meaning wins.
      return [...failsWith(more, () => new ExtraWriteRejected()), ...failsWith(items, () => new AccountRace())];
    },
    { raced: () => new AccountRace() },
  );
}
