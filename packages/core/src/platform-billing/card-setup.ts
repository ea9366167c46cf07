import { stripeRequest } from "../billing";
import { recordAudit } from "../audit";
import { config } from "../kernel/config";
import { commitWrites } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { AppError, invalidField, notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { chargePlatformInvoice, type ChargeOutcome } from "./charge-invoice";
import type { PlatformAccountRecord } from "./platform-account.entity";
import { platformBillingDb } from "./platform-billing-db";

export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  savedAt: string;
}

export const toCard = (account: PlatformAccountRecord | null): SavedCard | null =>
  account?.paymentMethodId
    ? {
        id: account.paymentMethodId,
        brand: account.cardBrand ?? "card",
        last4: account.cardLast4 ?? "",
        expMonth: account.cardExpMonth ?? 0,
        expYear: account.cardExpYear ?? 0,
        savedAt: account.cardSavedAt ?? account.updatedAt,
      }
    : null;

/** The platform's Stripe key, or a 503: card payments cannot be taken without it. */
function platformKey(): string {
  const key = config().platformStripeKey;
  if (!key) throw new AppError("unavailable", "Card payments to StudioSync are not set up on this platform");
  return key;
}

const workspace = (studioId: string) => `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/settings/usage`;

/** The owner, the studio and its account at the platform, in one read. */
async function loadAccount(actor: Actor, studioId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(platformBillingDb().entities.platformAccount, { studioId }));
  assertMay(member, "platform-billing.manage");
  return { studio, account: records[0] };
}

/** The studio's saved card (owners), if any. */
export async function listPaymentMethods(actor: Actor, studioId: string): Promise<{ items: SavedCard[] }> {
  const card = toCard((await loadAccount(actor, studioId)).account);
  return { items: card ? [card] : [] };
}

/**
 * Starts saving a card (owners): the studio's customer at the platform's Stripe account (made once,
 * idempotently), then a Checkout Session in setup mode (a SetupIntent for charges made while nobody
 * is there). The owner enters the card on Stripe's page and comes back to the workspace, which
 * completes it (completeCardSetup). The card's number never reaches StudioSync.
 */
export async function startCardSetup(actor: Actor, studioId: string, now = new Date()): Promise<{ url: string }> {
  const { studio, account } = await loadAccount(actor, studioId);
  const key = platformKey();
  let customerId = account?.stripeCustomerId;
  if (!customerId) {
    const customer = await stripeRequest<{ id: string }>(
      key,
      "POST",
      "/v1/customers",
      { name: studio.name, ...(studio.email ? { email: studio.email } : {}), metadata: { studioId } },
      `platform-customer-${studioId}`,
    );
    customerId = customer.id;
    await platformBillingDb()
      .entities.platformAccount.upsert({ studioId, stripeCustomerId: customerId, createdAt: now.toISOString(), updatedAt: now.toISOString() })
      .go({ response: "none" });
  }
  const session = await stripeRequest<{ url: string }>(
    key,
    "POST",
    "/v1/checkout/sessions",
    {
      mode: "setup",
      customer: customerId,
      currency: "usd",
      payment_method_types: ["card"],
      success_url: `${workspace(studioId)}/card?session={CHECKOUT_SESSION_ID}`,
      cancel_url: workspace(studioId),
      metadata: { studioId, purpose: "platform-card" },
    },
    `platform-card-${studioId}-${now.getTime()}`,
  );
  return { url: session.url };
}

interface SetupSession {
  id: string;
  status: string;
  customer: string | null;
  metadata: Record<string, string>;
  setup_intent: { status: string; payment_method: { id: string; card?: { brand: string; last4: string; exp_month: number; exp_year: number } } | null } | null;
}

/**
 * Completes saving a card (owners), from the Checkout Session the owner came back from: it must be
 * this studio's, complete, with a card. The card replaces any saved before (audited), and every
 * open invoice is charged to it at once: paying the last one unpauses a paused studio.
 */
export async function completeCardSetup(actor: Actor, studioId: string, sessionId: string, now = new Date()) {
  const { account } = await loadAccount(actor, studioId);
  const key = platformKey();
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) throw invalidField("sessionId", "must be a Checkout Session id");
  const session = await stripeRequest<SetupSession>(key, "GET", `/v1/checkout/sessions/${sessionId}`, { expand: ["setup_intent.payment_method"] }).catch(
    () => null,
  );
  if (!session || session.metadata?.studioId !== studioId || !account?.stripeCustomerId || session.customer !== account.stripeCustomerId)
    throw notFound("Card setup");
  const method = session.setup_intent?.payment_method;
  if (session.status !== "complete" || session.setup_intent?.status !== "succeeded" || !method?.card) {
    throw invalidField("sessionId", "the card was not saved: start again");
  }
  const saved = {
    paymentMethodId: method.id,
    cardBrand: method.card.brand,
    cardLast4: method.card.last4,
    cardExpMonth: method.card.exp_month,
    cardExpYear: method.card.exp_year,
    cardSavedAt: now.toISOString(),
    cardSavedBy: actor.userId,
  };
  if (account.paymentMethodId !== method.id) {
    await commitWrites(platformBillingDb, (tx) => [
      tx.platformAccount.patch({ studioId }).set(saved).commit(),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "platform_card.saved",
        entityType: "platform_account",
        entityId: studioId,
        before: { card: account.cardLast4 ? `${account.cardBrand} ${account.cardLast4}` : null },
        after: { card: `${saved.cardBrand} ${saved.cardLast4}` },
      }),
    ]);
  }
  const charged = await chargeOpenInvoices(studioId, actor.userId, now);
  return { card: toCard({ ...account, ...saved }), charged };
}

/** Charges every open invoice of the studio now, oldest first (the owner's action: no ladder step). */
export async function chargeOpenInvoices(studioId: string, byOwner: string, now: Date) {
  const { data } = await platformBillingDb()
    .entities.platformInvoice.query.platformInvoice({ studioId })
    .where((a, op) => op.eq(a.status, "open"))
    .go({ pages: "all" });
  const charged: { month: string; outcome: ChargeOutcome }[] = [];
  for (const invoice of data) charged.push({ month: invoice.month, outcome: await chargePlatformInvoice(studioId, invoice.month, { now, byOwner }) });
  return charged;
}

/** Removes the saved card (owners): detached at Stripe, forgotten here; open invoices then wait for a new one. */
export async function removePaymentMethod(actor: Actor, studioId: string, paymentMethodId: string) {
  const { account } = await loadAccount(actor, studioId);
  if (!account?.paymentMethodId || account.paymentMethodId !== paymentMethodId) throw notFound("Payment method");
  await stripeRequest(platformKey(), "POST", `/v1/payment_methods/${paymentMethodId}/detach`, {}, `platform-card-detach-${paymentMethodId}`).catch((error) => {
    console.error(JSON.stringify({ level: "error", message: "detaching the platform card failed", studioId, error: String(error) }));
  });
  await commitWrites(platformBillingDb, (tx) => [
    tx.platformAccount
      .patch({ studioId })
      .remove(["paymentMethodId", "cardBrand", "cardLast4", "cardExpMonth", "cardExpYear", "cardSavedAt", "cardSavedBy"])
      .commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "platform_card.removed",
      entityType: "platform_account",
      entityId: studioId,
      before: { card: `${account.cardBrand} ${account.cardLast4}` },
    }),
  ]);
}
