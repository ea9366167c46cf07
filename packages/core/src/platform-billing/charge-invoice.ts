import { formatMoney, stripeRequest, StripeRequestError } from "../billing";
import { platformPaymentFailedMessage, platformPausedMessage, platformReceiptMessage } from "../email";
import { config } from "../kernel/config";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { outboxEmails } from "../outbox";
import { recordAudit } from "../audit";
import { isLastTry, nextChargeDay, utcDate } from "./billing-ladder";
import type { PlatformAccountRecord } from "./platform-account.entity";
import type { PlatformInvoiceRecord } from "./platform-invoice.entity";
import { platformBillingDb } from "./platform-billing-db";
import { billingPageUrl, monthName, ownersEmails } from "./platform-notices";

export type ChargeOutcome = "paid" | "declined" | "no_card" | "error" | "skipped";

/** "Visa •••• 4242" */
export const cardWords = (account: PlatformAccountRecord | null) =>
  account?.paymentMethodId ? `${(account.cardBrand ?? "card").replace(/^./, (c) => c.toUpperCase())} •••• ${account.cardLast4 ?? "????"}` : null;

/** One off-session charge of the saved card at the platform's Stripe account; a declined card is an outcome, not an error. */
async function chargeCard(invoice: PlatformInvoiceRecord, account: PlatformAccountRecord, tries: number) {
  const key = config().platformStripeKey;
  if (!key) return { outcome: "error" as const, message: "card payments are not set up on this platform" };
  try {
    const intent = await stripeRequest<{ id: string; status: string }>(
      key,
      "POST",
      "/v1/payment_intents",
      {
        amount: invoice.totalMinor,
        currency: invoice.currency.toLowerCase(),
        customer: account.stripeCustomerId,
        payment_method: account.paymentMethodId,
        off_session: true,
        confirm: true,
        description: `StudioSync ${invoice.number}`,
        metadata: { studioId: invoice.studioId, month: invoice.month, number: invoice.number },
      },
      // One charge per try: a retried request (or job) reuses it.
      `platform-invoice-${invoice.studioId}-${invoice.month}-${tries}`,
    );
    if (intent.status === "succeeded") return { outcome: "paid" as const, paymentIntentId: intent.id };
    return { outcome: "declined" as const, message: `the payment is ${intent.status.replace(/_/g, " ")}`, paymentIntentId: intent.id };
  } catch (error) {
    if (error instanceof StripeRequestError && error.type === "card_error") {
      return { outcome: "declined" as const, message: error.message, declineCode: error.declineCode ?? error.code, paymentIntentId: error.paymentIntentId };
    }
    console.error(JSON.stringify({ level: "error", message: "platform charge failed", studioId: invoice.studioId, error: String(error) }));
    return { outcome: "error" as const, message: "the payment service did not answer; we will try again" };
  }
}

export interface ChargeOptions {
  now: Date;
  /** The owner's "Pay now" (or a card just saved): not a step of the ladder, so a failure moves no date and mails nobody. */
  byOwner?: string;
}

/**
 * Charges an open platform invoice to the studio's saved card and records the try (one
 * transaction, on condition nobody tried meanwhile):
 * - paid: the invoice is paid, the owners get a receipt, and a studio paused for being unpaid is
 *   unpaused when nothing else is owed;
 * - declined, no card, or no answer: the try is recorded; a step of the ladder (billing-ladder.ts)
 *   queues the next and mails the owners what happens next, and its last step pauses the studio.
 */
export async function chargePlatformInvoice(studioId: string, month: string, options: ChargeOptions): Promise<ChargeOutcome> {
  const { now, byOwner } = options;
  const entities = platformBillingDb().entities;
  const [invoice, account, studio] = await readTogether(
    itemOf(entities.platformInvoice, { studioId, month }),
    itemOf(entities.platformAccount, { studioId }),
    itemOf(entities.studio, { studioId }),
  );
  if (!invoice || invoice.status !== "open" || !studio) return "skipped";
  if (!byOwner && invoice.chargeDay && invoice.chargeDay > utcDate(now)) return "skipped";
  const tries = (invoice.attempts ?? []).length;
  const card = cardWords(account);
  const result =
    account?.paymentMethodId && card ? await chargeCard(invoice, account, tries + 1) : { outcome: "no_card" as const, message: "no card is saved" };
  const at = now.toISOString();
  const attempt = {
    at,
    outcome: result.outcome,
    ...(result.message ? { message: result.message } : {}),
    ...("declineCode" in result && result.declineCode ? { declineCode: result.declineCode } : {}),
    ...("paymentIntentId" in result && result.paymentIntentId ? { paymentIntentId: result.paymentIntentId } : {}),
    ...(card ? { card } : {}),
  };
  const amount = formatMoney(invoice.totalMinor, invoice.currency);
  const words = { studioName: studio.name, monthName: monthName(month), amount, url: billingPageUrl(studioId, month) };

  if (result.outcome === "paid") {
    const { data: others } = await entities.platformInvoice.query
      .platformInvoice({ studioId })
      .where((a, op) => op.eq(a.status, "open"))
      .go({ pages: "all" });
    const unpause = studio.pausedReason === "unpaid" && others.every((other) => other.month === month);
    const receipts = await ownersEmails(studioId, `platform-receipt#${month}`, (greetingName) =>
      platformReceiptMessage({ ...words, greetingName, number: invoice.number, card: card! }),
    );
    const outcome = await commitWritesOr(platformBillingDb, (tx) => [
      rejectedAs(
        tx.platformInvoice
          .patch({ studioId, month })
          .set({ status: "paid", paidAt: at, paymentIntentId: result.paymentIntentId, paidWith: card! })
          .append({ attempts: [attempt] })
          .remove(["chargeDay", "chargeStudio"])
          .where((a, op) => `${op.eq(a.status, "open")} AND ${op.eq(a.updatedAt, invoice.updatedAt)}`)
          .commit(),
        "raced",
      ),
      ...(unpause
        ? [
            tx.studio.patch({ studioId }).remove(["pausedReason", "pausedAt"]).commit(),
            recordAudit(tx, {
              studioId,
              actorId: byOwner ?? "platform",
              action: "studio.unpaused",
              entityType: "studio",
              entityId: studioId,
              after: { invoice: invoice.number },
            }),
          ]
        : []),
      outboxEmails(tx, receipts, now),
    ]);
    return outcome ? "skipped" : "paid";
  }

  const step = !byOwner;
  const next = step ? nextChargeDay(invoice.issuedOn, tries + 1) : (invoice.chargeDay ?? null);
  const pause = step && isLastTry(tries + 1) && !studio.pausedReason;
  const reason = result.outcome === "declined" ? `${card} was declined (${result.message})` : (result.message ?? "the card could not be charged");
  const notices = step
    ? [
        ...(await ownersEmails(studioId, `platform-payment-failed#${month}#${tries + 1}`, (greetingName) =>
          platformPaymentFailedMessage({ ...words, greetingName, reason, nextAttemptOn: next, pauseOn: invoice.graceEndsOn }),
        )),
        ...(pause ? await ownersEmails(studioId, `platform-paused#${month}`, (greetingName) => platformPausedMessage({ ...words, greetingName })) : []),
      ]
    : [];
  const outcome = await commitWritesOr(platformBillingDb, (tx) => [
    rejectedAs(
      (next
        ? tx.platformInvoice.patch({ studioId, month }).set({ chargeDay: next, chargeStudio: studioId })
        : tx.platformInvoice.patch({ studioId, month }).remove(["chargeDay", "chargeStudio"])
      )
        .append({ attempts: [attempt] })
        .where((a, op) => `${op.eq(a.status, "open")} AND ${op.eq(a.updatedAt, invoice.updatedAt)}`)
        .commit(),
      "raced",
    ),
    ...(pause
      ? [
          tx.studio.patch({ studioId }).set({ pausedReason: "unpaid", pausedAt: at }).commit(),
          recordAudit(tx, {
            studioId,
            actorId: "platform",
            action: "studio.paused",
            entityType: "studio",
            entityId: studioId,
            after: { reason: "unpaid", invoice: invoice.number },
          }),
        ]
      : []),
    outboxEmails(tx, notices, now),
  ]);
  return outcome ? "skipped" : result.outcome;
}
