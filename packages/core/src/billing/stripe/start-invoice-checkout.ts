import { createHash } from "node:crypto";
import { AppError, conflict, notFound } from "../../kernel/errors";
import { balanceDue } from "../invoices/invoice-state";
import { invoiceUrl } from "../invoices/invoice-token";
import { openInvoiceLink } from "../public/open-invoice-link";
import { createCheckoutSession } from "./stripe-checkout";
import { studioStripeKeys } from "./studio-stripe-keys";

/** Checkout sessions are made for half-hour windows and live until the end of the next one (30–60 minutes). */
const WINDOW_SECONDS = 30 * 60;

/**
 * Starts a Stripe Checkout payment of an invoice's balance from its public link (no login), with
 * the studio's own Stripe keys: one line "Invoice INV-000123" for the balance due, in the studio's
 * currency; metadata {studioId, invoiceId, accountId} (the webhook records the payment from it);
 * back to the invoice page (`?paid=1` after paying). Pressing Pay again with nothing changed in
 * the same half hour gets the same session (a Stripe idempotency key over the session's
 * parameters), so a double click opens one payment, not two.
 *
 * 404 when the link is bad or the studio has no Stripe keys; 409 when the invoice is void or
 * paid; 409 when Stripe refuses (the reason is logged, not shown to the visitor).
 */
export async function startInvoiceCheckout(token: string, now = new Date()): Promise<{ url: string }> {
  const { studio, invoice, settings } = await openInvoiceLink(token, now);
  if (!settings?.stripe) throw notFound("Card payment for this invoice");
  if (invoice.status === "void") throw conflict("invoice.void", "This invoice was voided; there is nothing to pay");
  const amount = balanceDue(invoice);
  if (amount <= 0) throw conflict("invoice.already_paid", "This invoice is already paid");

  const page = invoiceUrl(studio, token);
  const window = Math.floor(now.getTime() / 1000 / WINDOW_SECONDS);
  const params = {
    mode: "payment" as const,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: invoice.currency.toLowerCase(),
          unit_amount: amount,
          product_data: { name: `Invoice ${invoice.number}`, description: studio.name },
        },
      },
    ],
    metadata: { studioId: studio.studioId, invoiceId: invoice.invoiceId, accountId: invoice.accountId },
    payment_intent_data: { metadata: { studioId: studio.studioId, invoiceId: invoice.invoiceId, accountId: invoice.accountId } },
    client_reference_id: invoice.invoiceId,
    success_url: `${page}?paid=1`,
    cancel_url: page,
    expires_at: (window + 2) * WINDOW_SECONDS,
  };
  const idempotencyKey = `invoice-checkout-${createHash("sha256").update(JSON.stringify(params)).digest("base64url")}`;
  try {
    const session = await createCheckoutSession(studioStripeKeys(settings)!.secretKey, params, idempotencyKey);
    if (!session.url) throw new Error(`Checkout session ${session.id} has no url`);
    return { url: session.url };
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        message: "Stripe Checkout could not start",
        studioId: studio.studioId,
        invoiceId: invoice.invoiceId,
        error: (error as Error).message,
      }),
    );
    throw new AppError("payment.card_unavailable", "Card payment is not available right now. Please try again later, or pay the studio another way.");
  }
}
