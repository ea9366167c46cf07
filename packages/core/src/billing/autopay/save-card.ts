import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { conflict, invalidField, notFound } from "../../kernel/errors";
import { billingDb } from "../billing-db";
import { invoiceUrl } from "../invoices/invoice-token";
import { openInvoiceLink } from "../public/open-invoice-link";
import { stripeRequest } from "../stripe/stripe-request";
import { studioStripeKeys } from "../stripe/studio-stripe-keys";
import { accountCardWords } from "./account-card.entity";

/** Who the audit log names for what a family does from an emailed invoice link (no login). */
const FAMILY_ACTOR = "invoice-link";

/** The link's invoice, its studio's Stripe key and the account's saved card: 404 when the studio takes no cards. */
async function openForCard(token: string, now: Date) {
  const link = await openInvoiceLink(token, now);
  const keys = studioStripeKeys(link.settings);
  if (!keys) throw notFound("Card payment for this invoice");
  const { studioId } = link.studio;
  const { accountId } = link.invoice;
  const [card] = await readTogether(itemOf(billingDb().entities.accountCard, { studioId, accountId }));
  return { ...link, secretKey: keys.secretKey, card, studioId, accountId };
}

/**
 * Starts saving a card for automatic payments from an invoice page (no login): the account's
 * customer at the studio's Stripe account (made once, idempotently), then a Checkout Session in
 * setup mode; Stripe's page comes back to the invoice page (`?card=<session>`), which completes it.
 */
export async function startCardSave(token: string, now = new Date()): Promise<{ url: string }> {
  const { studio, invoice, secretKey, card, studioId, accountId } = await openForCard(token, now);
  if (invoice.status === "void") throw conflict("invoice.void", "This invoice was voided");
  let customerId = card?.stripeCustomerId;
  if (!customerId) {
    const [account] = await readTogether(itemOf(billingDb().entities.billingAccount, { studioId, accountId }));
    const customer = await stripeRequest<{ id: string }>(
      secretKey,
      "POST",
      "/v1/customers",
      { name: account?.name ?? "Family", metadata: { studioId, accountId } },
      `account-customer-${studioId}-${accountId}`,
    );
    customerId = customer.id;
    await billingDb().entities.accountCard.upsert({ studioId, accountId, stripeCustomerId: customerId }).go({ response: "none" });
  }
  const page = invoiceUrl(studio, token);
  const session = await stripeRequest<{ url: string }>(
    secretKey,
    "POST",
    "/v1/checkout/sessions",
    {
      mode: "setup",
      customer: customerId,
      currency: invoice.currency.toLowerCase(),
      success_url: `${page}?card={CHECKOUT_SESSION_ID}`,
      cancel_url: page,
      metadata: { studioId, accountId, invoiceId: invoice.invoiceId, purpose: "autopay" },
    },
    `account-card-${studioId}-${accountId}-${now.getTime()}`,
  );
  return { url: session.url };
}

interface SetupSession {
  status: string;
  customer: string | null;
  metadata: Record<string, string>;
  setup_intent: { status: string; payment_method: { id: string; card?: { brand: string; last4: string; exp_month: number; exp_year: number } } | null } | null;
}

export interface AutopayCard {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  words: string;
}

/**
 * Completes saving the card from the Checkout Session the family came back from: it must be this
 * account's, complete, with a card. The card replaces one saved before and pays the account's
 * invoices on their due dates from now on (audited).
 */
export async function completeCardSave(token: string, sessionId: string, now = new Date()): Promise<AutopayCard> {
  const { secretKey, card, studioId, accountId } = await openForCard(token, now);
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) throw invalidField("sessionId", "must be a Checkout Session id");
  const session = await stripeRequest<SetupSession>(secretKey, "GET", `/v1/checkout/sessions/${sessionId}`, { expand: ["setup_intent.payment_method"] }).catch(
    () => null,
  );
  const method = session?.setup_intent?.payment_method;
  if (!session || !card || session.customer !== card.stripeCustomerId || session.metadata?.accountId !== accountId) throw notFound("Card setup");
  if (session.status !== "complete" || session.setup_intent?.status !== "succeeded" || !method?.card)
    throw invalidField("sessionId", "the card was not saved: start again");
  const saved = {
    paymentMethodId: method.id,
    brand: method.card.brand,
    last4: method.card.last4,
    expMonth: method.card.exp_month,
    expYear: method.card.exp_year,
    savedAt: now.toISOString(),
    autopayShard: "autopay",
  };
  if (card.paymentMethodId !== method.id) {
    await commitWrites(billingDb, (tx) => [
      tx.accountCard.patch({ studioId, accountId }).set(saved).commit(),
      recordAudit(tx, {
        studioId,
        actorId: FAMILY_ACTOR,
        action: "autopay.card_saved",
        entityType: "billing_account",
        entityId: accountId,
        before: card.paymentMethodId ? { card: accountCardWords(card) } : undefined,
        after: { card: accountCardWords(saved) },
      }),
    ]);
  }
  return { brand: saved.brand, last4: saved.last4, expMonth: saved.expMonth, expYear: saved.expYear, words: accountCardWords(saved) };
}

/** Turns automatic payments off from an invoice page: the card is forgotten here and detached at Stripe. */
export async function removeSavedCard(token: string, now = new Date()): Promise<void> {
  const { secretKey, card, studioId, accountId } = await openForCard(token, now);
  if (!card?.paymentMethodId) throw notFound("Saved card");
  await stripeRequest(secretKey, "POST", `/v1/payment_methods/${card.paymentMethodId}/detach`, {}, `account-card-detach-${card.paymentMethodId}`).catch(
    (error) => console.error(JSON.stringify({ level: "error", message: "detaching a family's card failed", studioId, error: String(error) })),
  );
  await commitWrites(billingDb, (tx) => [
    tx.accountCard.patch({ studioId, accountId }).remove(["paymentMethodId", "brand", "last4", "expMonth", "expYear", "savedAt", "autopayShard"]).commit(),
    recordAudit(tx, {
      studioId,
      actorId: FAMILY_ACTOR,
      action: "autopay.card_removed",
      entityType: "billing_account",
      entityId: accountId,
      before: { card: accountCardWords(card) },
    }),
  ]);
}
