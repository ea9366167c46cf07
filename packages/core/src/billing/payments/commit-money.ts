import { assertCommitted } from "../../kernel/db/transactions";
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
  constructor(readonly index: number) {
    super("A write added to the payment's transaction was rejected");
  }
}

/**
 * Commits a money change: `money` (account update first, ledger entries, payment, invoices, …,
 * all conditional on what was read) then `extra` (the caller's own items). A rejected extra item
 * is `ExtraWriteRejected` (checked first: a replayed webhook must not retry); any other rejected
 * condition, or a conflict with a concurrent transaction, is `AccountRace` so the use case reruns
 * from a fresh read.
 */
export async function commitMoney(money: (tx: BillingTx) => BillingTxItem[], extra: (tx: BillingTx) => BillingTxItem[] = () => []): Promise<void> {
  let firstExtra = 0;
  let outcome: { canceled: boolean; data: ReadonlyArray<{ rejected: boolean; code: string }> };
  try {
    outcome = await billingDb()
      .transaction.write((tx) => {
        const items = money(tx);
        firstExtra = items.length;
        const more = extra(tx);
        if (items.length + more.length > 100) throw new Error(`A money change of ${items.length + more.length} items does not fit one transaction`);
        return [...items, ...more];
      })
      .go();
  } catch (error) {
    const name = (error as { cause?: { name?: string } }).cause?.name ?? (error as { name?: string }).name;
    if (name === "TransactionConflictException") throw new AccountRace();
    throw error;
  }
  if (!outcome.canceled) return;
  const failed = outcome.data.map((item, index) => (item.rejected && item.code === "ConditionalCheckFailed" ? index : -1)).filter((index) => index >= 0);
  const extraIndex = failed.find((index) => index >= firstExtra);
  if (extraIndex !== undefined) throw new ExtraWriteRejected(extraIndex - firstExtra);
  if (failed.length > 0 || outcome.data.some((item) => item.code === "TransactionConflict")) throw new AccountRace();
  assertCommitted(outcome, () => undefined);
}
