import { autopayFailedMessage, emailBrand } from "../../email";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { localParts } from "../../kernel/time/wall-clock";
import { outboxEmails } from "../../outbox";
import { billingContacts } from "../accounts/billing-contacts";
import { billingDb } from "../billing-db";
import { balanceDue } from "../invoices/invoice-state";
import { invoiceUrl, mintInvoiceToken } from "../invoices/invoice-token";
import { formatMoney } from "../money";
import { ExtraWriteRejected } from "../payments/commit-money";
import { recordPayment } from "../payments/record-payment";
import { billingSettingsRead } from "../settings/read-settings";
import { StripeRequestError, stripeRequest } from "../stripe/stripe-request";
import { studioStripeKeys } from "../stripe/studio-stripe-keys";
import { accountCardWords } from "./account-card.entity";

export type AutopayOutcome = "paid" | "declined" | "skipped";

/** The marker of an invoice's automatic payment (a StripeEvent item): written with the payment, or with the decline, so it is tried once. */
const markerOf = (invoiceId: string) => `autopay:${invoiceId}`;

/**
 * Charges an open invoice's balance to its account's saved card (the studio's Stripe account,
 * off-session), once: the charge's Idempotency-Key is the invoice and amount, so a rerun after a
 * crash gets the same PaymentIntent back from Stripe, and the marker written with the outcome
 * (the payment, recorded as a card payment with its receipt; or the decline, with an email to the
 * billing contacts) makes every later run skip it. A declined card leaves the invoice to the
 * studio's usual reminders (dunning).
 */
export async function chargeAutopay(studioId: string, invoiceId: string, now = new Date()): Promise<AutopayOutcome> {
  const entities = billingDb().entities;
  const [invoice, studio, settings, marker] = await readTogether(
    itemOf(entities.invoice, { studioId, invoiceId }),
    itemOf(entities.studio, { studioId }),
    billingSettingsRead(studioId),
    itemOf(entities.stripeEvent, { studioId, eventId: markerOf(invoiceId) }),
  );
  if (!invoice || !studio || studio.deletedAt || marker || invoice.listState !== "open") return "skipped";
  const amount = balanceDue(invoice);
  const keys = studioStripeKeys(settings);
  const [card] = await readTogether(itemOf(entities.accountCard, { studioId, accountId: invoice.accountId }));
  if (amount <= 0 || !keys || !card?.paymentMethodId || !card.autopayShard) return "skipped";

  let intent: { id: string; status: string } | null = null;
  let reason = "";
  try {
    intent = await stripeRequest<{ id: string; status: string }>(
      keys.secretKey,
      "POST",
      "/v1/payment_intents",
      {
        amount,
        currency: invoice.currency.toLowerCase(),
        customer: card.stripeCustomerId,
        payment_method: card.paymentMethodId,
        off_session: true,
        confirm: true,
        description: `Invoice ${invoice.number}`,
        metadata: { studioId, invoiceId, accountId: invoice.accountId, autopay: "true" },
      },
      `autopay-${invoiceId}-${amount}`,
    );
    if (intent.status !== "succeeded") reason = `the payment is ${intent.status.replace(/_/g, " ")}`;
  } catch (error) {
    if (!(error instanceof StripeRequestError) || error.type !== "card_error") throw error;
    reason = error.message.replace(/\.$/, "");
  }

  if (intent && !reason) {
    try {
      await recordPayment(studioId, {
        accountId: invoice.accountId,
        amountMinor: amount,
        method: "card",
        source: "stripe",
        invoiceId,
        receivedAt: now.toISOString(),
        reference: intent.id,
        stripePaymentIntentId: intent.id,
        extraWrites: (tx, payment) => [
          tx.stripeEvent.create({ studioId, eventId: markerOf(invoiceId), type: "autopay.paid", paymentId: payment.paymentId }).commit(),
        ],
        now,
      });
      return "paid";
    } catch (error) {
      if (error instanceof ExtraWriteRejected) return "skipped";
      throw error;
    }
  }

  const [account] = await readTogether(itemOf(entities.billingAccount, { studioId, accountId: invoice.accountId }));
  const contacts = account ? await billingContacts(account) : [];
  const url = invoiceUrl(studio, mintInvoiceToken(studioId, invoiceId, now));
  const money = formatMoney(amount, studio.currency, studio.country);
  const day = localParts(now, studio.timeZone).date;
  const refused = await commitWritesOr(billingDb, (tx) => [
    rejectedAs(tx.stripeEvent.create({ studioId, eventId: markerOf(invoiceId), type: "autopay.declined" }).commit(), "tried"),
    ...outboxEmails(
      tx,
      contacts.map((contact) => ({
        scope: studioId,
        messageId: `autopay-failed#${invoiceId}#${day}#${contact.email.toLowerCase()}`,
        to: contact.email,
        email: autopayFailedMessage({
          studioName: studio.name,
          greetingName: contact.greetingName,
          invoiceNumber: invoice.number ?? invoiceId,
          amount: money,
          card: accountCardWords(card),
          reason,
          url,
        }),
        brand: emailBrand(studio),
      })),
      now,
    ),
  ]);
  if (refused) return "skipped";
  return "declined";
}
