import { itemOf } from "../kernel/db/read-together";
import { conflict, notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, loadStudioMember, type Actor } from "../policy";
import { chargePlatformInvoice } from "./charge-invoice";
import { platformBillingDb } from "./platform-billing-db";
import { toPlatformInvoice, type PlatformInvoiceView } from "./platform-invoice-view";

/** The studio's platform invoices, newest first (owners and admins). */
export async function listPlatformInvoices(actor: Actor, studioId: string): Promise<{ items: PlatformInvoiceView[] }> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "platform-billing.view");
  const { data } = await platformBillingDb().entities.platformInvoice.query.platformInvoice({ studioId }).go({ pages: "all", order: "desc" });
  return { items: data.map(toPlatformInvoice) };
}

async function loadInvoice(actor: Actor, studioId: string, month: string, action: "platform-billing.view" | "platform-billing.manage") {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(platformBillingDb().entities.platformInvoice, { studioId, month }));
  assertMay(member, action);
  const [invoice] = records;
  if (!invoice) throw notFound("Platform invoice");
  return invoice;
}

/** One platform invoice: the usage, the lines at the price recorded on it, the charge attempts (owners and admins). */
export async function getPlatformInvoice(actor: Actor, studioId: string, month: string): Promise<PlatformInvoiceView> {
  return toPlatformInvoice(await loadInvoice(actor, studioId, month, "platform-billing.view"));
}

/** Pays an open invoice now with the saved card (owners): 409 when paid already, when no card is saved, or when the card is declined. */
export async function payPlatformInvoice(actor: Actor, studioId: string, month: string, now = new Date()): Promise<PlatformInvoiceView> {
  const invoice = await loadInvoice(actor, studioId, month, "platform-billing.manage");
  if (invoice.status === "paid") throw conflict("platform_invoice.paid", "This invoice is paid");
  const outcome = await chargePlatformInvoice(studioId, month, { now, byOwner: actor.userId });
  const { data } = await platformBillingDb().entities.platformInvoice.get({ studioId, month }).go({ consistent: true });
  const latest = data!;
  if (outcome === "no_card") throw conflict("platform_billing.no_card", "No card is saved: add one first");
  if (latest.status !== "paid") {
    const last = latest.attempts?.at(-1);
    throw conflict("platform_invoice.card_declined", `The card was not charged: ${last?.message ?? "try again"}`);
  }
  return toPlatformInvoice(latest);
}
