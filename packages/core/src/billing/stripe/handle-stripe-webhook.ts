import { itemOf, readTogether } from "../../kernel/db/read-together";
import { billingDb } from "../billing-db";
import { ExtraWriteRejected } from "../payments/commit-money";
import { recordPayment } from "../payments/record-payment";
import { billingSettingsRead } from "../settings/read-settings";
import { stripeSignatureValid } from "./stripe-signature";
import { paidCheckoutSession, stripeEventEnvelope } from "./stripe-event-schema";
import { studioStripeKeys } from "./studio-stripe-keys";
import { reportUnrecordedPayment } from "./unrecorded-payment";

/**
 * A webhook call that is not a genuine, well-formed Stripe event for a studio here. The message
 * says why, for the log; the caller answers every one with the same 400 (no oracle for forgers).
 */
export class StripeWebhookRejected extends Error {}

/** The events that mean a Checkout payment's money arrived. */
const PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/** How far a signature's time may run ahead of ours (clock skew); further is a forgery or a replay kept for later. */
const FUTURE_SKEW_SECONDS = 300;

export type StripeWebhookOutcome =
  | { received: true; outcome: "recorded"; paymentId: string }
  | { received: true; outcome: "duplicate" | "ignored"; paymentId: null };

/** The `t=` of a Stripe-Signature header: Stripe's library refuses old ones, we also refuse ones from the future. */
function refuseFutureSignature(signature: string, now: number) {
  const timestamp = /(?:^|,)\s*t=(\d{1,12})\s*(?:,|$)/.exec(signature)?.[1];
  if (timestamp && Number(timestamp) > now / 1000 + FUTURE_SKEW_SECONDS) {
    throw new StripeWebhookRejected("The Stripe-Signature is dated in the future");
  }
}

/** The payload as a bounded event (stripe-event-schema.ts), or a rejection. */
function parseEvent(payload: string) {
  let claimed: unknown;
  try {
    claimed = JSON.parse(payload);
  } catch {
    throw new StripeWebhookRejected("The body is not a JSON event");
  }
  const envelope = stripeEventEnvelope.safeParse(claimed);
  if (!envelope.success) throw new StripeWebhookRejected(`The event is malformed: ${envelope.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  if (!PAID_EVENTS.has(envelope.data.type)) return { ...envelope.data, session: null };
  const session = paidCheckoutSession.safeParse(envelope.data.data.object);
  if (!session.success) throw new StripeWebhookRejected(`The Checkout Session is malformed: ${session.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  return { ...envelope.data, session: session.data };
}

/**
 * A Stripe webhook delivery. The payload is checked for shape first (ids, times and metadata
 * bounded, stripe-event-schema.ts); the studio it names in `data.object.metadata.studioId`
 * (untrusted until verified) must have signed it with its webhook secret (`constructEvent`, with
 * Stripe's 5-minute tolerance, and no later than 5 minutes ahead), else `StripeWebhookRejected`.
 * A paid Checkout Session then becomes a card payment (source "stripe") of `amount_total` on the
 * account and invoice in its metadata, recorded with a StripeEvent marker for (studio, event id)
 * in the same transaction: a replayed or concurrently re-delivered event records nothing and is
 * answered as a duplicate, and no other studio can mark this studio's event as seen. Other
 * events are acknowledged and ignored.
 */
export async function handleStripeWebhook(payload: string, signature: string | undefined, now = Date.now()): Promise<StripeWebhookOutcome> {
  if (!signature) throw new StripeWebhookRejected("The Stripe-Signature header is missing");
  refuseFutureSignature(signature, now);
  const claimed = parseEvent(payload);
  const studioId = claimed.data.object.metadata.studioId;

  const [studio, settings] = await readTogether(itemOf(billingDb().entities.studio, { studioId }), billingSettingsRead(studioId));
  if (!studio || studio.deletedAt || !settings?.stripe) throw new StripeWebhookRejected("No studio here takes Stripe payments under that id");
  let webhookSecret: string;
  try {
    webhookSecret = studioStripeKeys(settings)!.webhookSecret;
  } catch (error) {
    // Sealed under another APP_SECRET: the studio has to enter its keys again.
    console.error(
      JSON.stringify({ level: "error", message: "The studio's Stripe webhook secret cannot be opened", studioId, error: (error as Error).message }),
    );
    throw new StripeWebhookRejected("The studio's Stripe webhook secret cannot be read; save the Stripe keys again");
  }
  // Checks the signature over the raw payload, the one parsed above.
  if (!stripeSignatureValid(payload, signature, webhookSecret)) {
    throw new StripeWebhookRejected("The Stripe-Signature does not match the payload and the studio's webhook secret");
  }

  const ignored = { received: true, outcome: "ignored", paymentId: null } as const;
  const session = claimed.session;
  if (!session) return ignored;
  const { invoiceId, accountId } = session.metadata;
  const amount = session.amount_total;
  if (session.payment_status !== "paid" || !accountId || typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) return ignored;
  if (String(session.currency).toUpperCase() !== studio.currency.toUpperCase()) {
    await reportUnrecordedPayment({
      studioId,
      eventId: claimed.id,
      amountMinor: amount,
      currency: String(session.currency),
      expectedCurrency: studio.currency,
      invoiceId,
      accountId,
    });
    return ignored;
  }

  const sessionId = session.id;
  const paymentIntentId = session.payment_intent ?? undefined;
  try {
    const payment = await recordPayment(studioId, {
      accountId,
      amountMinor: amount,
      method: "card",
      source: "stripe",
      invoiceId,
      receivedAt: new Date(claimed.created * 1000).toISOString(),
      reference: paymentIntentId ?? sessionId,
      stripeSessionId: sessionId,
      stripePaymentIntentId: paymentIntentId,
      extraWrites: (tx, record) => [tx.stripeEvent.create({ studioId, eventId: claimed.id, type: claimed.type, paymentId: record.paymentId }).commit()],
    });
    return { received: true, outcome: "recorded", paymentId: payment.id };
  } catch (error) {
    if (error instanceof ExtraWriteRejected) return { received: true, outcome: "duplicate", paymentId: null };
    throw error;
  }
}
