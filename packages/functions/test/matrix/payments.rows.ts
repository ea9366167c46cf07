import { api } from "../support/api";
import { ADMINS, adminOnly, s, type ActorName, type RowModule, type World } from "./rows";

/**
 * Payments of family F's billing account: admins record and refund them; F's parent sees them in
 * full; S1's teacher sees the account only in summary, so payments are refused (403); everyone
 * else (S1 included: a student sees only their own student account) gets 404. Payment P1 is
 * 50.00 kept as account credit, so each allowed refund call gives back 0.01 of it.
 */
const SEE_F_PAYMENTS: ActorName[] = [...ADMINS, "parentOwn"];

async function post(w: World, path: string, body: unknown): Promise<any> {
  const res = await api("POST", s(w, path), { token: w.owner.accessToken, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const paymentRows: RowModule = {
  prepare: async (w) => {
    await post(w, "/billing-accounts", { kind: "family", partyId: w.familyF });
    const payment = await post(w, "/payments", { accountId: w.familyF, amountMinor: 5000, method: "bank_transfer", reference: "Matrix" });
    return { paymentP1: payment.id };
  },
  rows: {
    "POST /v1/studios/{studioId}/payments": adminOnly({
      action: "payment.record",
      path: (w) => s(w, "/payments"),
      body: (w) => ({ accountId: w.familyF, amountMinor: 100, method: "cash" }),
    }),
    "GET /v1/studios/{studioId}/payments": {
      action: "billing-account.view-details",
      allow: SEE_F_PAYMENTS,
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/payments?accountId=${w.familyF}`),
    },
    "GET /v1/studios/{studioId}/payments/{paymentId}": {
      action: "billing-account.view-details",
      allow: SEE_F_PAYMENTS,
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/payments/${w.extra.paymentP1}`),
    },
    "POST /v1/studios/{studioId}/payments/{paymentId}/refunds": adminOnly({
      action: "payment.refund",
      path: (w) => s(w, `/payments/${w.extra.paymentP1}/refunds`),
      body: () => ({ amountMinor: 1, reason: "Matrix" }),
    }),
  },
};
