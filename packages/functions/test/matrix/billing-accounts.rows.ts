import { api } from "../support/api";
import { ADMINS, MEMBERS, SEE_F, adminOnly, s, type RowModule, type World } from "./rows";

/**
 * Billing settings (admins), fee plans (every member reads the price list, admins change it;
 * enrolment lists are filtered to the students each member may see), billing accounts (family F's
 * account: admins and F's parent in full, teacher A — who teaches S1 of F — as a summary; the
 * ledger is refused to that teacher) and the billing summary (admins). Enrolments made here are
 * per-lesson plans on single days in 2095 (one day each, so they never overlap) and one monthly
 * plan from 2096, so nothing clashes with other rows or with billing runs over the present.
 */
let day = 0;
const nextDay = () => new Date(Date.parse("2095-01-01T00:00:00Z") + day++ * 86_400_000).toISOString().slice(0, 10);
/** The day the latest fresh per-lesson plan's enrolment is for: its body is built right after `fresh`. */
let enrolmentDay = nextDay();

async function post(w: World, path: string, body: unknown): Promise<any> {
  const res = await api("POST", s(w, path), { token: w.owner.accessToken, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const newPlan = (w: World, kind = "per_lesson"): Promise<{ id: string }> => post(w, "/fee-plans", { name: `Matrix ${kind} ${day}`, kind, amountMinor: 2500 });

/** A new per-lesson plan, for enrolling S1 on a day of its own. */
async function planToEnrolIn(w: World): Promise<{ id: string }> {
  const plan = await newPlan(w);
  enrolmentDay = nextDay();
  return plan;
}

/** A new per-lesson plan with S1 enrolled on a day of its own. */
async function planWithEnrolment(w: World): Promise<{ id: string }> {
  const plan = await newPlan(w);
  const date = nextDay();
  await post(w, `/fee-plans/${plan.id}/enrolments`, { studentId: w.studentS1, startDate: date, endDate: date });
  return plan;
}

export const billingAccountRows: RowModule = {
  prepare: async (w) => {
    const monthly = await newPlan(w, "monthly");
    await post(w, `/fee-plans/${monthly.id}/enrolments`, { studentId: w.studentS1, startDate: "2096-01-01" });
    return {
      feePlanP1: (await newPlan(w)).id,
      feePlanMonthly: monthly.id,
      accountF: (await post(w, "/billing-accounts", { kind: "family", partyId: w.familyF })).id,
    };
  },
  rows: {
    "GET /v1/studios/{studioId}/billing-settings": adminOnly({ action: "billing-settings.manage", path: (w) => s(w, "/billing-settings") }),
    "PUT /v1/studios/{studioId}/billing-settings": adminOnly({
      action: "billing-settings.manage",
      path: (w) => s(w, "/billing-settings"),
      body: () => ({ paymentTermsDays: 14 }),
    }),

    "GET /v1/studios/{studioId}/fee-plans": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/fee-plans") },
    "POST /v1/studios/{studioId}/fee-plans": adminOnly({
      action: "fee-plan.manage",
      path: (w) => s(w, "/fee-plans"),
      body: () => ({ name: "Matrix plan", kind: "per_lesson", amountMinor: 3000 }),
    }),
    "GET /v1/studios/{studioId}/fee-plans/{feePlanId}": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, `/fee-plans/${w.extra.feePlanP1}`) },
    "PATCH /v1/studios/{studioId}/fee-plans/{feePlanId}": adminOnly({
      action: "fee-plan.manage",
      path: (w) => s(w, `/fee-plans/${w.extra.feePlanP1}`),
      body: () => ({ description: "Matrix" }),
    }),
    "DELETE /v1/studios/{studioId}/fee-plans/{feePlanId}": adminOnly({
      action: "fee-plan.manage",
      path: (w, t) => s(w, `/fee-plans/${t}`),
      target: (w) => w.extra.feePlanP1!,
      fresh: (w) => newPlan(w),
    }),
    "GET /v1/studios/{studioId}/fee-plans/{feePlanId}/enrolments": {
      action: "studio.read",
      allow: MEMBERS,
      path: (w) => s(w, `/fee-plans/${w.extra.feePlanMonthly}/enrolments`),
    },
    "POST /v1/studios/{studioId}/fee-plans/{feePlanId}/enrolments": adminOnly({
      action: "fee-plan.manage",
      path: (w, t) => s(w, `/fee-plans/${t}/enrolments`),
      body: (w) => ({ studentId: w.studentS1, startDate: enrolmentDay, endDate: enrolmentDay }),
      target: (w) => w.extra.feePlanP1!,
      fresh: planToEnrolIn,
    }),
    "PATCH /v1/studios/{studioId}/fee-plans/{feePlanId}/enrolments/{studentId}": adminOnly({
      action: "fee-plan.manage",
      path: (w) => s(w, `/fee-plans/${w.extra.feePlanMonthly}/enrolments/${w.studentS1}`),
      body: () => ({ endDate: "2099-12-31" }),
    }),
    "DELETE /v1/studios/{studioId}/fee-plans/{feePlanId}/enrolments/{studentId}": adminOnly({
      action: "fee-plan.manage",
      path: (w, t) => s(w, `/fee-plans/${t}/enrolments/${w.studentS1}`),
      target: (w) => w.extra.feePlanMonthly!,
      fresh: planWithEnrolment,
    }),

    "GET /v1/studios/{studioId}/billing-accounts": adminOnly({ action: "billing-account.manage", path: (w) => s(w, "/billing-accounts") }),
    // Idempotent: every allowed call gets F's account (201 the first time, then 200).
    "POST /v1/studios/{studioId}/billing-accounts": adminOnly({
      action: "billing-account.manage",
      path: (w) => s(w, "/billing-accounts"),
      body: (w) => ({ kind: "family", partyId: w.familyF }),
    }),
    "GET /v1/studios/{studioId}/billing-accounts/{accountId}": {
      action: "billing-account.view",
      allow: SEE_F,
      path: (w) => s(w, `/billing-accounts/${w.extra.accountF}`),
    },
    "GET /v1/studios/{studioId}/billing-accounts/{accountId}/ledger": {
      action: "billing-account.view-details",
      allow: [...ADMINS, "parentOwn"],
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/billing-accounts/${w.extra.accountF}/ledger`),
    },

    "GET /v1/studios/{studioId}/billing-summary": adminOnly({ action: "billing-summary.view", path: (w) => s(w, "/billing-summary") }),
  },
};
