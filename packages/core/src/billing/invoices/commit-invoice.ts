import { commitWrites } from "../../kernel/db/commit-writes";
import { AccountRace } from "../accounts/post-to-ledger";
import { billingDb, type BillingTx } from "../billing-db";
import type { InvoiceRecord } from "./invoice-view";

/**
 * Commits one invoice change as one transaction; each write carries its own condition-failure
 * meaning (failsWith). A concurrent transaction on the same items (DynamoDB's TransactionConflict)
 * is an AccountRace, to be rerun from a fresh read by `withAccountRetry`.
 */
export const commitInvoiceChange = (build: (tx: BillingTx) => ReadonlyArray<unknown>): Promise<void> =>
  commitWrites(billingDb, build, { raced: () => new AccountRace() });

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
