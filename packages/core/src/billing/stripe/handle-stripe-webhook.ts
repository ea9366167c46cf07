import { itemOf, readTogether } from "../../db/read-together";
import { billingDb } from "../billing-db";
import { ExtraWriteRejected } from "../payments/commit-money";
import { recordPayment } from "../payments/record-payment";
import { billingSettingsRead } from "../settings/read-settings";
import { loadStripe } from "./stripe-client";
import { studioStripeKeys } from "./studio-stripe-keys";
import { reportUnrecordedPayment } from "./unrecorded-payment";

/** A webhook call that is not a genuine Stripe event for a studio here: answered 400, Stripe shows it as failed. */
export class StripeWebhookRejected extends Error {}

/** The events that mean a Checkout payment's money arrived. */
const PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

export type StripeWebhookOutcome =
  | { received: true; outcome: "recorded"; paymentId: string }
  | { received: true; outcome: "duplicate" | "ignored"; paymentId: null };

interface CheckoutSessionFields {
  id?: unknown;
  payment_status?: unknown;
  amount_total?: unknown;
  currency?: unknown;
  payment_intent?: unknown;
  metadata?: Record<string, unknown> | null;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * A Stripe webhook delivery. The studio is named by the event's `data.object.metadata.studioId`
 * (untrusted until verified): the payload must carry a valid `Stripe-Signature` made with that
 * studio's webhook secret (`constructEvent`, with Stripe's 5-minute tolerance), else
 * `StripeWebhookRejected`. A paid Checkout Session then becomes a card payment (source "stripe")
 * of `amount_total` on the account and invoice in its metadata, recorded with a StripeEvent
 * marker for the event id in the same transaction: a replayed or concurrently re-delivered event
 * records nothing and is answered as a duplicate. Other events are acknowledged and ignored.
 */
export async function handleStripeWebhook(payload: string, signature: string | undefined): Promise<StripeWebhookOutcome> {
  if (!signature) throw new StripeWebhookRejected("The Stripe-Signature header is missing");
  let claimed: unknown;
  try {
    claimed = JSON.parse(payload);
  } catch {
    throw new StripeWebhookRejected("The body is not a JSON event");
  }
  const studioId = text((claimed as { data?: { object?: CheckoutSessionFields } })?.data?.object?.metadata?.studioId);
  if (!studioId) throw new StripeWebhookRejected("The event names no studio (data.object.metadata.studioId)");

  const [studio, settings] = await readTogether(itemOf(billingDb().entities.studio, { studioId }), billingSettingsRead(studioId));
  if (!studio || studio.deletedAt || !settings?.stripe) throw new StripeWebhookRejected("No studio here takes Stripe payments under that id");
  let webhookSecret: string;
  try {
    webhookSecret = studioStripeKeys(settings)!.webhookSecret;
  } catch (error) {
    // Sealed under another APP_SECRET: the studio has to enter its keys again.
    console.error(JSON.stringify({ level: "error", message: "The studio's Stripe webhook secret cannot be opened", studioId, error: (error as Error).message }));
    throw new StripeWebhookRejected("The studio's Stripe webhook secret cannot be read; save the Stripe keys again");
  }
  const { webhooks } = await loadStripe();
  let event: ReturnType<typeof webhooks.constructEvent>;
  try {
    event = webhooks.constructEvent(payload, signature, webhookSecret);
  } catch {
    throw new StripeWebhookRejected("The Stripe-Signature does not match the payload and the studio's webhook secret");
  }

  const ignored = { received: true, outcome: "ignored", paymentId: null } as const;
  if (!PAID_EVENTS.has(event.type)) return ignored;
  const session = event.data.object as CheckoutSessionFields;
  const invoiceId = text(session.metadata?.invoiceId);
  const accountId = text(session.metadata?.accountId);
  const amount = session.amount_total;
  if (session.payment_status !== "paid" || !accountId || typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) return ignored;
  if (String(session.currency).toUpperCase() !== studio.currency.toUpperCase()) {
    await reportUnrecordedPayment({ studioId, eventId: event.id, amountMinor: amount, currency: String(session.currency), expectedCurrency: studio.currency, invoiceId, accountId });
    return ignored;
  }

  const sessionId = text(session.id);
  const paymentIntentId = text(session.payment_intent);
  try {
    const payment = await recordPayment(studioId, {
      accountId,
      amountMinor: amount,
      method: "card",
      source: "stripe",
      invoiceId,
      receivedAt: new Date(event.created * 1000).toISOString(),
      reference: paymentIntentId ?? sessionId,
      stripeSessionId: sessionId,
      stripePaymentIntentId: paymentIntentId,
      extraWrites: (tx, record) => [tx.stripeEvent.create({ eventId: event.id, studioId, type: event.type, paymentId: record.paymentId }).commit()],
    });
    return { received: true, outcome: "recorded", paymentId: payment.id };
  } catch (error) {
    if (error instanceof ExtraWriteRejected) return { received: true, outcome: "duplicate", paymentId: null };
    throw error;
  }
}
