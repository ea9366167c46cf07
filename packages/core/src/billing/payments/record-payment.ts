import { v7 as uuidv7 } from "uuid";
import { itemOf, readTogether, type ReadResults } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { outboxEmails } from "../../outbox";
import { localParts } from "../../kernel/time/wall-clock";
import { billingContacts, partyReads } from "../accounts/billing-contacts";
import { afterPostings, postingWrites, withAccountRetry, type BillingAccountRecord, type Posting } from "../accounts/post-to-ledger";
import { billingDb, type BillingTx } from "../billing-db";
import { balanceDue } from "../invoices/invoice-state";
import { allocate, formatMoney } from "../money";
import { commitMoney, type BillingTxItem } from "./commit-money";
import { accountInvoices, byDueDate, invoicePaidWrites, MAX_INVOICES_PER_CHANGE } from "./invoice-money";
import type { InvoiceRecord } from "../invoices/invoice-view";
import { METHOD_WORDS, receiptEmails, type StudioForMail } from "./payment-emails";
import type { PaymentMethod } from "./payment.entity";
import { toPayment, type Payment, type PaymentRecord } from "./payment-view";

export interface RecordPaymentInput {
  accountId: string;
  /** Positive, minor units, in the studio's currency. */
  amountMinor: number;
  method: PaymentMethod;
  source: "manual" | "stripe";
  /** Paid first when it is open; otherwise the money goes to the other open invoices. */
  invoiceId?: string;
  /** ISO instant the money was received. */
  receivedAt: string;
  reference?: string;
  notes?: string;
  /** The staff member who recorded it (absent for Stripe). */
  recordedBy?: string;
  stripeSessionId?: string;
  stripePaymentIntentId?: string;
  /**
   * More items for the payment's transaction (e.g. the Stripe event marker, an audit event). A
   * rejected one throws `ExtraWriteRejected` and nothing is written.
   */
  extraWrites?: (tx: BillingTx, payment: PaymentRecord) => BillingTxItem[];
  now?: Date;
  /** The studio, the account and its party (partyReads) as the caller just read them (strongly consistent): the first attempt starts from them. */
  read?: { studio: StudioForMail & { deletedAt?: string }; account: BillingAccountRecord; party: ReadResults<ReturnType<typeof partyReads>> };
}

/**
 * Money that arrived must be recorded: a burst of payments to one account (a family paying
 * several invoices by card at once) serialises on the account, one winner per round.
 */
const PAYMENT_TRIES = 20;

/** What a committed payment changed, for the receipt. */
export interface PaymentOutcome {
  record: PaymentRecord;
  account: BillingAccountRecord;
  /** The invoices it paid, after the payment. */
  invoices: InvoiceRecord[];
  studio: StudioForMail;
}

/**
 * Records money received from a billing account (no permission check: staff routes and the
 * Stripe webhook call it), in ONE transaction: the payment; its allocation — the given invoice
 * first when it is open, then the account's other open invoices oldest due first (at most 40
 * invoices), the rest account credit; each paid invoice's amounts, status and history, its
 * pending reminder removed when paid off; a `payment` ledger entry (−amount, credit +unallocated);
 * the month's revenue (studio-local month of `receivedAt`); and the caller's `extraWrites`. A
 * concurrent change to the account or an invoice reruns it from a fresh read. The
 * receipt to the account's billing contacts is enqueued in the same transaction (outbox): nothing
 * after the commit can fail the request.
 */
export async function recordPayment(studioId: string, input: RecordPaymentInput): Promise<Payment> {
  let read = input.read;
  const outcome = await withAccountRetry(() => {
    const attempt = commitPayment(studioId, input, read);
    read = undefined;
    return attempt;
  }, PAYMENT_TRIES);
  return toPayment(outcome.record);
}

async function commitPayment(studioId: string, input: RecordPaymentInput, read: RecordPaymentInput["read"]): Promise<PaymentOutcome> {
  const { billingAccount, studio: studios } = billingDb().entities;
  const now = input.now ?? new Date();
  const [studio, account] = read
    ? [read.studio, read.account]
    : await readTogether(itemOf(studios, { studioId }), itemOf(billingAccount, { studioId, accountId: input.accountId }));
  if (!studio || studio.deletedAt) throw notFound("Studio");
  if (!account) throw notFound("Billing account");
  const [contacts, openInvoices] = await Promise.all([billingContacts(account, read?.party), accountInvoices(studioId, input.accountId, "open")]);

  const open = openInvoices.sort(byDueDate);
  const ordered = [...open.filter((i) => i.invoiceId === input.invoiceId), ...open.filter((i) => i.invoiceId !== input.invoiceId)].slice(
    0,
    MAX_INVOICES_PER_CHANGE,
  );
  const { allocations, unallocatedMinor } = allocate(
    input.amountMinor,
    ordered.map((i) => ({ invoiceId: i.invoiceId, balanceDueMinor: balanceDue(i) })),
  );

  const stamp = now.toISOString();
  const today = localParts(now, studio.timeZone).date;
  const money = (amount: number) => formatMoney(amount, studio.currency, studio.country);
  const record: PaymentRecord = {
    studioId,
    paymentId: uuidv7(),
    accountId: input.accountId,
    amountMinor: input.amountMinor,
    currency: studio.currency,
    method: input.method,
    source: input.source,
    status: "completed",
    receivedAt: input.receivedAt,
    reference: input.reference,
    notes: input.notes,
    stripeSessionId: input.stripeSessionId,
    stripePaymentIntentId: input.stripePaymentIntentId,
    allocations,
    unallocatedMinor,
    refundedMinor: 0,
    refunds: [],
    recordedBy: input.recordedBy,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const how = `${money(input.amountMinor)} by ${METHOD_WORDS[input.method]}${input.reference ? ` (ref ${input.reference})` : ""}`;
  const posting: Posting = {
    type: "payment",
    amountMinor: -input.amountMinor,
    creditDeltaMinor: unallocatedMinor,
    description: `Payment received: ${how}${unallocatedMinor > 0 ? `; ${money(unallocatedMinor)} kept as account credit` : ""}`,
    paymentId: record.paymentId,
    invoiceId: allocations.length === 1 ? allocations[0]!.invoiceId : undefined,
    actorId: input.recordedBy,
  };
  const invoices: InvoiceRecord[] = [];
  const accountAfter = afterPostings(account, [posting]);

  await commitMoney(
    (tx) => {
      const ledger = postingWrites(tx, account, [posting], now);
      invoices.length = 0;
      const invoiceWrites = allocations.flatMap((allocation) => {
        const invoice = ordered.find((i) => i.invoiceId === allocation.invoiceId)!;
        const left = balanceDue(invoice) - allocation.amountMinor;
        const { writes, after } = invoicePaidWrites(tx, invoice, {
          amountPaidMinor: invoice.amountPaidMinor + allocation.amountMinor,
          today,
          actorId: input.recordedBy,
          entry: {
            at: stamp,
            event: "payment_received",
            detail: `Payment received: ${allocation.amountMinor === input.amountMinor ? how : `${money(allocation.amountMinor)} (of ${how})`}; ${left > 0 ? `${money(left)} still due` : "paid in full"}`,
            ...(input.recordedBy ? { actorId: input.recordedBy } : {}),
          },
        });
        invoices.push(after);
        return writes;
      });
      const month = localParts(input.receivedAt, studio.timeZone).date.slice(0, 7);
      return [
        ...ledger,
        tx.payment.create(record).commit(),
        tx.revenueMonth
          .update({ studioId, month })
          .add({ receivedMinor: input.amountMinor, paymentCount: 1 })
          .data((a, op) => {
            op.ifNotExists(a.refundedMinor, 0);
          })
          .commit(),
        ...invoiceWrites,
        ...outboxEmails(tx, receiptEmails({ record, account: accountAfter, invoices, studio }, contacts, now), now),
      ];
    },
    (tx) => input.extraWrites?.(tx, record) ?? [],
  );

  return { record, account: accountAfter, invoices, studio };
}
