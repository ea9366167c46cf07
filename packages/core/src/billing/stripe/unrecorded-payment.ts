import { recordAudit } from "../../audit";
import { billingDb } from "../billing-db";

const STRIPE_ACTOR = "stripe:webhook";

export interface UnrecordedPayment {
  studioId: string;
  eventId: string;
  /** What Stripe says was paid: minor units of `currency` (lower case, as Stripe sends it). */
  amountMinor: number;
  currency: string;
  /** The currency the money would be recorded in (the invoice's and the studio's). */
  expectedCurrency: string;
  invoiceId?: string;
  accountId: string;
}

/**
 * Money that arrived in a currency the studio does not record is neither re-labelled nor dropped
 * quietly: it is written to the studio's audit log (the invoice's, or else the account's), where
 * admins see it and settle it by hand (a refund in Stripe, or a manual payment), and logged.
 */
export async function reportUnrecordedPayment(payment: UnrecordedPayment): Promise<void> {
  console.error(JSON.stringify({ level: "error", message: "Stripe payment in another currency not recorded", ...payment }));
  await billingDb()
    .transaction.write((tx) => [
      recordAudit(tx, {
        studioId: payment.studioId,
        actorId: STRIPE_ACTOR,
        action: "payment.not_recorded_currency",
        entityType: payment.invoiceId ? "invoice" : "billingAccount",
        // Record ids are at most 64 characters; metadata longer than that is not ours.
        entityId: (payment.invoiceId ?? payment.accountId).slice(0, 64),
        after: {
          stripeEventId: payment.eventId,
          amountMinor: payment.amountMinor,
          currency: payment.currency.toUpperCase(),
          expectedCurrency: payment.expectedCurrency,
        },
      }),
    ])
    .go();
}
