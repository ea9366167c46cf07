import { api } from "../support/api";
import { adminOnly, s, type RowModule } from "./rows";

/**
 * Billing runs are for admins only, reading included (drafts are not for families or teachers).
 * The runs here bill months in 2097, where no row books lessons, so they draft nothing and leave
 * every other row's records alone.
 */
let month = 0;
const nextMonth = () => `2097-${String((month++ % 12) + 1).padStart(2, "0")}`;

export const billingRunRows: RowModule = {
  prepare: async (w) => {
    const res = await api("POST", s(w, "/billing-runs"), { token: w.owner.accessToken, body: { month: nextMonth() } });
    if (res.status !== 201) throw new Error(`billing run: ${res.status} ${JSON.stringify(res.body)}`);
    return { billingRunR1: res.body.id as string };
  },
  rows: {
    "POST /v1/studios/{studioId}/billing-runs": adminOnly({
      action: "billing-run.manage",
      path: (w) => s(w, "/billing-runs"),
      body: () => ({ month: nextMonth() }),
    }),
    "GET /v1/studios/{studioId}/billing-runs": adminOnly({ action: "billing-run.manage", path: (w) => s(w, "/billing-runs") }),
    "GET /v1/studios/{studioId}/billing-runs/{runId}": adminOnly({ action: "billing-run.manage", path: (w) => s(w, `/billing-runs/${w.extra.billingRunR1}`) }),
    "POST /v1/studios/{studioId}/billing-runs/{runId}/send": adminOnly({
      action: "billing-run.manage",
      path: (w) => s(w, `/billing-runs/${w.extra.billingRunR1}/send`),
    }),
  },
};
