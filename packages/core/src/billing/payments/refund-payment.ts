import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { AppError, conflict, invalidField, notFound } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { localParts } from "../../kernel/time/wall-clock";
import { outboxEmails } from "../../outbox";
import { billingContacts } from "../accounts/billing-contacts";
import { afterPostings, postingWrites, withAccountRetry, type Posting } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { balanceDue } from "../invoices/invoice-state";
import { formatMoney } from "../money";
import { withBillingDefaults } from "../settings/defaults";
import { commitMoney } from "./commit-money";
import { accountInvoices, invoicePaidWrites, MAX_INVOICES_PER_CHANGE, readInvoices } from "./invoice-money";
import type { InvoiceRecord } from "../invoices/invoice-view";
import { refundEmails, type RefundFacts } from "./payment-emails";
import { toPayment, type Payment, type PaymentRecord } from "./payment-view";
import type { RefundPaymentRequest } from "./schemas";
import type { BillingSettingsRecord } from "../settings/defaults";
import { StripeRequestError, stripeRequest } from "../stripe/stripe-request";
import { studioStripeKeys } from "../stripe/studio-stripe-keys";

/**
 * Gives a Stripe card payment's money back at Stripe, with the studio's key, before anything is
 * recorded: the refund's Idempotency-Key is made from the payment and what was refunded of it so
 * far, so a retried request (or a lost race that reads the same payment again) makes one refund at
 * Stripe. Stripe's refusal is a 409 with its reason, and nothing is written. Other payments: none.
 */
async function refundAtStripe(payment: PaymentRecord, settings: BillingSettingsRecord | null, amountMinor: number): Promise<string | undefined> {
  if (payment.source !== "stripe" || !payment.stripePaymentIntentId) return undefined;
  const keys = studioStripeKeys(settings);
  if (!keys)
    throw conflict("payment.card_refund_failed", "This card payment can only be refunded with the studio's Stripe keys: add them in the billing settings");
  try {
    const refund = await stripeRequest<{ id: string; status: string }>(
      keys.secretKey,
      "POST",
      "/v1/refunds",
      { payment_intent: payment.stripePaymentIntentId, amount: amountMinor, metadata: { studioId: payment.studioId, paymentId: payment.paymentId } },
      `refund-${payment.paymentId}-${payment.refundedMinor}-${amountMinor}`,
    );
    return refund.id;
  } catch (error) {
    if (error instanceof StripeRequestError && error.status > 0 && error.status < 500) {
      throw conflict("payment.card_refund_failed", `Stripe refused the refund: ${error.message}`);
    }
    throw new AppError("unavailable", "Stripe could not be reached to refund the card; nothing was recorded. Try again");
  }
}

/** Where a refund's money comes from. */
interface RefundPlan {
  /** Taken from the account's unallocated credit. */
  fromCreditMinor: number;
  /** Taken back from invoices (they are owed again), by invoice id. */
  fromInvoices: Map<string, number>;
  /** The payment's allocations after the refund. */
  allocations: PaymentRecord["allocations"];
}

/**
 * Splits a refund over what the payment's money became, in order:
 * 1. account credit the payment left (its unallocated part, and what it paid on invoices since
 *    voided, which became credit) — only as far as the account still holds credit;
 * 2. the invoices it paid, latest first: they are owed again;
 * 3. when its credit was meanwhile applied to later invoices: those invoices' payments, newest first;
 * 4. any other credit the account holds.
 * Null when the money cannot be found (more than MAX_INVOICES_PER_CHANGE invoices would change).
 */
async function planRefund(
  amountMinor: number,
  payment: PaymentRecord,
  creditMinor: number,
  own: InvoiceRecord[],
  others: () => Promise<InvoiceRecord[]>,
): Promise<RefundPlan | null> {
  let left = amountMinor;
  let credit = creditMinor;
  const fromInvoices = new Map<string, number>();
  const allocations = payment.allocations.map((a) => ({ ...a }));
  const invoiceOf = (id: string) => own.find((i) => i.invoiceId === id);

  const voided = allocations.filter((a) => invoiceOf(a.invoiceId)?.status === "void");
  const ownCredit = payment.unallocatedMinor + voided.reduce((sum, a) => sum + a.amountMinor, 0);
  let fromCreditMinor = Math.min(left, ownCredit, credit);
  left -= fromCreditMinor;
  credit -= fromCreditMinor;
  let voidTaken = Math.max(0, fromCreditMinor - payment.unallocatedMinor);
  for (const a of voided) {
    const take = Math.min(voidTaken, a.amountMinor);
    a.amountMinor -= take;
    voidTaken -= take;
  }

  const paidOn = (invoice: InvoiceRecord) => invoice.amountPaidMinor - (fromInvoices.get(invoice.invoiceId) ?? 0);
  const takeFrom = (invoice: InvoiceRecord, most: number) => {
    const take = Math.min(left, most, paidOn(invoice));
    if (take <= 0) return 0;
    fromInvoices.set(invoice.invoiceId, (fromInvoices.get(invoice.invoiceId) ?? 0) + take);
    left -= take;
    return take;
  };
  for (const a of [...allocations].reverse()) {
    const invoice = invoiceOf(a.invoiceId);
    if (left <= 0) break;
    if (!invoice || invoice.status === "void") continue;
    a.amountMinor -= takeFrom(invoice, a.amountMinor);
  }
  if (left > 0) {
    const ownIds = new Set(own.map((i) => i.invoiceId));
    const newestFirst = (await others())
      .filter((i) => !ownIds.has(i.invoiceId) && i.amountPaidMinor > 0)
      .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.invoiceId.localeCompare(a.invoiceId));
    for (const invoice of newestFirst) {
      if (left <= 0) break;
      takeFrom(invoice, left);
    }
  }
  if (left > 0) {
    const take = Math.min(left, credit);
    fromCreditMinor += take;
    left -= take;
  }
  if (left > 0 || fromInvoices.size > MAX_INVOICES_PER_CHANGE) return null;
  return { fromCreditMinor, fromInvoices, allocations: allocations.filter((a) => a.amountMinor > 0) };
}

/**
 * Gives money of a payment back (admins): at most what is left of it to refund. In ONE
 * transaction: the payment's refunds and remaining allocations, a `refund` ledger entry
 * (+amount; credit − the part taken from credit), the invoices it takes money back from
 * (owed again: statusFields, history, and a paid invoice re-opened gets its next reminder from
 * today), the month's refunded revenue, and the audit event. A card payment taken through Stripe
 * is refunded at Stripe first (refundAtStripe: the money goes back to the card); other money goes
 * back outside StudioSync (cash, bank). The email to the billing contacts is enqueued in the same
 * transaction (outbox).
 */
export async function refundPayment(actor: Actor, studioId: string, paymentId: string, input: RefundPaymentRequest, now = new Date()): Promise<Payment> {
  const { payment: payments, billingAccount, billingSettings } = billingDb().entities;
  const { member, studio } = await loadMemberWith(actor, studioId);
  assertMay(member, "payment.refund");

  const facts = await withAccountRetry(async (): Promise<RefundFacts> => {
    const [payment, settingsRecord] = await readTogether(itemOf(payments, { studioId, paymentId }), itemOf(billingSettings, { studioId }));
    if (!payment) throw notFound("Payment");
    const refundable = payment.amountMinor - payment.refundedMinor;
    if (refundable <= 0) throw conflict("payment.fully_refunded", "This payment has been refunded in full");
    if (input.amountMinor > refundable) throw invalidField("amountMinor", `must be at most ${refundable} (what is left of the payment to refund)`);

    const [account] = await readTogether(itemOf(billingAccount, { studioId, accountId: payment.accountId }));
    if (!account) throw notFound("Billing account");
    const contacts = await billingContacts(account);
    const own = await readInvoices(
      studioId,
      payment.allocations.map((a) => a.invoiceId),
    );
    let others: InvoiceRecord[] = [];
    const plan = await planRefund(input.amountMinor, payment, account.creditMinor, own, async () => {
      others = await accountInvoices(studioId, payment.accountId, "issued");
      return others;
    });
    if (!plan) throw conflict("payment.refund_too_wide", "This refund would change too many invoices at once; refund a smaller amount first");

    const settings = withBillingDefaults(settingsRecord);
    // A card payment taken through Stripe goes back to the card first; only then is it recorded.
    const stripeRefundId = await refundAtStripe(payment, settingsRecord, input.amountMinor);
    const stamp = now.toISOString();
    const today = localParts(now, studio.timeZone).date;
    const money = (minor: number) => formatMoney(minor, studio.currency, studio.country);
    const refundedMinor = payment.refundedMinor + input.amountMinor;
    const allocated = plan.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
    const updated: PaymentRecord = {
      ...payment,
      refundedMinor,
      status: refundedMinor >= payment.amountMinor ? "refunded" : "partially_refunded",
      allocations: plan.allocations,
      unallocatedMinor: Math.max(0, payment.amountMinor - refundedMinor - allocated),
      refunds: [
        ...(payment.refunds ?? []),
        {
          refundId: uuidv7(),
          amountMinor: input.amountMinor,
          reason: input.reason,
          at: stamp,
          actorId: actor.userId,
          ...(stripeRefundId ? { stripeRefundId } : {}),
        },
      ],
      updatedAt: stamp,
    };
    const received = localParts(payment.receivedAt, studio.timeZone).date;
    const posting: Posting = {
      type: "refund",
      amountMinor: input.amountMinor,
      creditDeltaMinor: -plan.fromCreditMinor,
      description: `Refund of ${money(input.amountMinor)} of the payment of ${money(payment.amountMinor)} received ${received}: ${input.reason}`,
      paymentId,
      invoiceId: plan.fromInvoices.size === 1 ? [...plan.fromInvoices.keys()][0] : undefined,
      actorId: actor.userId,
    };
    const touched = [...own, ...others.filter((i) => !own.some((o) => o.invoiceId === i.invoiceId))].filter((i) => plan.fromInvoices.has(i.invoiceId));
    const invoicesAfter: InvoiceRecord[] = [];
    const facts = (): RefundFacts => ({
      payment: updated,
      amountMinor: input.amountMinor,
      reason: input.reason,
      creditUsedMinor: plan.fromCreditMinor,
      account: afterPostings(account, [posting]),
      invoices: invoicesAfter,
      studio,
    });

    await commitMoney((tx) => {
      invoicesAfter.length = 0;
      const invoiceWrites = touched.flatMap((invoice) => {
        const taken = plan.fromInvoices.get(invoice.invoiceId)!;
        const { writes, after } = invoicePaidWrites(tx, invoice, {
          amountPaidMinor: invoice.amountPaidMinor - taken,
          today,
          settings,
          actorId: actor.userId,
          entry: {
            at: stamp,
            event: "payment_refunded",
            detail: `Refund: ${money(taken)} of a payment given back (${input.reason}); ${money(balanceDue(invoice) + taken)} due`,
            actorId: actor.userId,
          },
        });
        invoicesAfter.push(after);
        return writes;
      });
      return [
        ...postingWrites(tx, account, [posting], now),
        tx.payment
          .patch({ studioId, paymentId })
          .set({ refundedMinor, status: updated.status, allocations: updated.allocations, unallocatedMinor: updated.unallocatedMinor })
          .append({ refunds: [updated.refunds!.at(-1)!] })
          .where((a, op) => op.eq(a.refundedMinor, payment.refundedMinor))
          .commit(),
        tx.revenueMonth
          .update({ studioId, month: today.slice(0, 7) })
          .add({ refundedMinor: input.amountMinor })
          .data((a, op) => {
            op.ifNotExists(a.receivedMinor, 0);
            op.ifNotExists(a.paymentCount, 0);
          })
          .commit(),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "payment.refunded",
          entityType: "payment",
          entityId: paymentId,
          before: payment,
          after: updated,
        }),
        ...invoiceWrites,
        ...outboxEmails(tx, refundEmails(facts(), contacts, now), now),
      ];
    });
    return facts();
  });
  return toPayment(facts.payment);
}
