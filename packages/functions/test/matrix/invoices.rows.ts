import { api } from "../support/api";
import { openAccount } from "../support/billing";
import { ADMINS, SEE_F, adminOnly, s, type RowModule, type World } from "./rows";

/**
 * Invoices of family F's account: admins do everything; F's parent sees them in full and the
 * teacher of F's student S1 a summary (both are refused changes with 403); drafts are the
 * admins' alone (everyone else 404); S1 as a student member sees only a student account of
 * their own, so not F's.
 */
const LINE = { description: "Matrix lesson", quantity: 1, unitPriceMinor: 10_000 };

async function post(w: World, path: string, body?: unknown): Promise<any> {
  const res = await api("POST", s(w, path), { token: w.owner.accessToken, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const newDraft = (w: World): Promise<{ id: string }> => post(w, "/invoices", { accountId: w.familyF, lines: [LINE] });
const newSent = async (w: World): Promise<{ id: string }> => post(w, `/invoices/${(await newDraft(w)).id}/send`);

export const invoiceRows: RowModule = {
  prepare: async (w) => {
    await openAccount(w.studioId, { kind: "family", partyId: w.familyF }, "Family F");
    return { invoiceDraft: (await newDraft(w)).id, invoiceSent: (await newSent(w)).id };
  },
  rows: {
    "POST /v1/studios/{studioId}/invoices": adminOnly({
      action: "invoice.create",
      path: (w) => s(w, "/invoices"),
      body: (w) => ({ accountId: w.familyF, lines: [LINE] }),
    }),
    "GET /v1/studios/{studioId}/invoices": { action: "billing-account.view", allow: SEE_F, path: (w) => s(w, `/invoices?accountId=${w.familyF}`) },
    "GET /v1/studios/{studioId}/invoices/{invoiceId}": { action: "billing-account.view", allow: SEE_F, path: (w) => s(w, `/invoices/${w.extra.invoiceSent}`) },
    // The pay page's link: whoever sees the invoice in full; a teacher's summary is not enough.
    "GET /v1/studios/{studioId}/invoices/{invoiceId}/pay-link": {
      action: "billing-account.view-details",
      allow: [...ADMINS, "parentOwn"],
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/invoices/${w.extra.invoiceSent}/pay-link`),
    },
    "PATCH /v1/studios/{studioId}/invoices/{invoiceId}": {
      action: "invoice.update",
      allow: ADMINS,
      path: (w) => s(w, `/invoices/${w.extra.invoiceDraft}`),
      body: () => ({ notes: "Matrix" }),
    },
    "DELETE /v1/studios/{studioId}/invoices/{invoiceId}": {
      action: "invoice.delete",
      allow: ADMINS,
      path: (w, t) => s(w, `/invoices/${t}`),
      target: (w) => w.extra.invoiceDraft!,
      fresh: newDraft,
    },
    "POST /v1/studios/{studioId}/invoices/{invoiceId}/send": {
      action: "invoice.send",
      allow: ADMINS,
      forbid: ["teacherOwn", "parentOwn"],
      path: (w) => s(w, `/invoices/${w.extra.invoiceSent}/send`),
    },
    "POST /v1/studios/{studioId}/invoices/{invoiceId}/void": {
      action: "invoice.void",
      allow: ADMINS,
      forbid: ["teacherOwn", "parentOwn"],
      path: (w, t) => s(w, `/invoices/${t}/void`),
      body: () => ({ reason: "Matrix" }),
      target: (w) => w.extra.invoiceSent!,
      fresh: newSent,
    },
    "POST /v1/studios/{studioId}/invoices/{invoiceId}/credit-notes": {
      action: "invoice.credit",
      allow: ADMINS,
      forbid: ["teacherOwn", "parentOwn"],
      path: (w) => s(w, `/invoices/${w.extra.invoiceSent}/credit-notes`),
      body: () => ({ amountMinor: 1, reason: "Matrix" }),
    },
  },
};
