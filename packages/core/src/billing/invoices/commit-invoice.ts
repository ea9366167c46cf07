import { assertCommitted } from "../../kernel/db/transactions";
import { AccountRace } from "../accounts/post-to-ledger";
import { billingDb, type BillingTx } from "../billing-db";
import type { InvoiceRecord } from "./invoice-view";

const isConflict = (error: unknown) => {
  const names = [(error as { name?: string }).name, (error as { cause?: { name?: string } }).cause?.name];
  return names.includes("TransactionConflictException");
};

/**
 * Commits one invoice change as one transaction. A concurrent transaction on the same items
 * (DynamoDB's TransactionConflict) is an AccountRace, to be rerun from a fresh read by
 * `withAccountRetry`; a failed condition goes to `onRejected` by position.
 */
export async function commitInvoiceChange(build: (tx: BillingTx) => unknown[], onRejected: (index: number) => Error | undefined): Promise<void> {
  const outcome = await billingDb()
    .transaction.write((tx) => build(tx) as never[])
    .go()
    .catch((error: unknown) => {
      throw isConflict(error) ? new AccountRace() : error;
    });
  const reasons = outcome.data as ReadonlyArray<{ rejected: boolean; code: string }>;
  if (outcome.canceled && reasons.some((item) => item.code === "TransactionConflict")) throw new AccountRace();
  assertCommitted({ canceled: outcome.canceled, data: reasons }, onRejected);
}

export type HistoryEntry = NonNullable<InvoiceRecord["history"]>[number];

/** Events of an invoice's history that are read back (the rest are for people). */
export const HISTORY = {
  dueDateSet: "due_date_set",
  dueDateCleared: "due_date_cleared",
} as const;

export const historyEntry = (event: string, detail: string, at: Date, actorId?: string): HistoryEntry => ({
  at: at.toISOString(),
  event,
  detail,
  ...(actorId ? { actorId } : {}),
});

/**
 * Whether a draft's due date was set by hand (kept when it is sent) rather than derived from the
 * payment terms (moved to the send date plus the terms): the last due-date event of its history.
 */
export function dueDateFixed(record: Pick<InvoiceRecord, "history">): boolean {
  const last = [...(record.history ?? [])].reverse().find((h) => h.event === HISTORY.dueDateSet || h.event === HISTORY.dueDateCleared);
  return last?.event === HISTORY.dueDateSet;
}

/** "INV-000042": the studio's sequence, at least six digits. */
export const invoiceNumber = (sequence: number) => `INV-${String(sequence).padStart(6, "0")}`;
