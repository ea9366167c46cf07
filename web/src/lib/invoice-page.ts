import { billingBase } from "./billing";
import { asUser, type SessionContext } from "./session";
import type { Workspace } from "./workspace";

/** Where an invoice's workspace pages (the invoice, void, credit note, delete) send their calls and links. */
export function invoiceRoute(ws: Workspace, invoiceId: string) {
  const billing = billingBase(ws.base);
  return { param: { studioId: ws.studio.id, invoiceId }, billing, invoicePage: `${billing}/invoices/${encodeURIComponent(invoiceId)}` };
}

/**
 * The invoice those pages show, read once: null when the sign-in is gone (send them to /login),
 * undefined when this studio has no such invoice (the page answers 404).
 */
export async function readInvoice(ctx: SessionContext, param: { studioId: string; invoiceId: string }) {
  const loaded = await asUser(ctx, (c) => c.v1.studios[":studioId"].invoices[":invoiceId"].$get({ param }));
  if (!loaded) return null;
  if (!loaded.ok && loaded.status >= 500) throw new Error(`GET invoice answered ${loaded.status}`);
  return loaded.ok && "lines" in loaded.data ? loaded.data : undefined;
}
