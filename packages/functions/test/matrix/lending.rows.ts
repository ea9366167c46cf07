import { api } from "../support/api";
import { ADMINS, MEMBERS, NON_ADMINS, SEE_S1, adminOnly, s, type ActorName, type RowModule, type World } from "./rows";

/** POST as `token` (the owner by default); the created record. */
async function post(w: World, path: string, body: unknown, token = w.owner.accessToken): Promise<{ id: string }> {
  const res = await api("POST", s(w, path), { token, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Staff: admins and both teachers (an item's loans and maintenance log). */
const STAFF: ActorName[] = [...ADMINS, "teacherOwn", "teacherOther"];
/** Who sees S1's loans but may not decide them. */
const SEE_S1_NOT_ADMIN: ActorName[] = ["teacherOwn", "studentSelf", "parentOwn"];

/** A borrowable item with plenty of units, so every allowed call can lend one. */
const item = (w: World) => post(w, "/items", { name: "Matrix violin", category: "instrument", quantity: 500, isBorrowable: true, depositMinor: 5000 });
const request = (w: World) => post(w, "/loans", { itemId: w.extra.itemI1, studentId: w.studentS1 });
const lent = (w: World) => post(w, "/loans", { itemId: w.extra.itemI1, studentId: w.studentS1, lendNow: true });

export const lendingRows: RowModule = {
  prepare: async (w) => {
    const itemI1 = (await item(w)).id;
    w.extra.itemI1 = itemI1;
    return { itemI1, loanL1: (await request(w)).id };
  },
  rows: {
    // Every member sees the borrowable items (students and parents only those); admins keep them.
    "GET /v1/studios/{studioId}/items": { action: "item.view", allow: MEMBERS, path: (w) => s(w, "/items") },
    "POST /v1/studios/{studioId}/items": adminOnly({
      action: "item.manage",
      path: (w) => s(w, "/items"),
      body: () => ({ name: "Matrix cello", category: "instrument" }),
    }),
    "GET /v1/studios/{studioId}/items/{itemId}": { action: "item.view", allow: MEMBERS, path: (w) => s(w, `/items/${w.extra.itemI1}`) },
    "PATCH /v1/studios/{studioId}/items/{itemId}": adminOnly({
      action: "item.manage",
      path: (w) => s(w, `/items/${w.extra.itemI1}`),
      body: () => ({ location: "Cupboard B" }),
    }),
    "DELETE /v1/studios/{studioId}/items/{itemId}": adminOnly({
      action: "item.manage",
      path: (w, t) => s(w, `/items/${t}`),
      target: (w) => w.extra.itemI1!,
      fresh: item,
    }),
    "GET /v1/studios/{studioId}/items/{itemId}/maintenance": {
      action: "item.history",
      allow: STAFF,
      forbid: NON_ADMINS.filter((a) => !STAFF.includes(a)),
      path: (w) => s(w, `/items/${w.extra.itemI1}/maintenance`),
    },
    "POST /v1/studios/{studioId}/items/{itemId}/maintenance": adminOnly({
      action: "item.manage",
      path: (w) => s(w, `/items/${w.extra.itemI1}/maintenance`),
      body: () => ({ performedOn: "2026-01-15", description: "New strings" }),
    }),

    "GET /v1/studios/{studioId}/loans": { action: "loan.view", allow: SEE_S1, path: (w) => s(w, `/loans?studentId=${w.studentS1}`) },
    "POST /v1/studios/{studioId}/loans": {
      action: "loan.request",
      allow: SEE_S1,
      path: (w) => s(w, "/loans"),
      body: (w) => ({ itemId: w.extra.itemI1, studentId: w.studentS1 }),
    },
    "GET /v1/studios/{studioId}/loans/{loanId}": { action: "loan.view", allow: SEE_S1, path: (w) => s(w, `/loans/${w.extra.loanL1}`) },
    "POST /v1/studios/{studioId}/loans/{loanId}/approve": {
      action: "loan.decide",
      allow: ADMINS,
      forbid: SEE_S1_NOT_ADMIN,
      path: (w, t) => s(w, `/loans/${t}/approve`),
      body: () => ({}),
      target: (w) => w.extra.loanL1!,
      fresh: request,
    },
    "POST /v1/studios/{studioId}/loans/{loanId}/decline": {
      action: "loan.decide",
      allow: ADMINS,
      forbid: SEE_S1_NOT_ADMIN,
      path: (w, t) => s(w, `/loans/${t}/decline`),
      body: () => ({ reason: "Matrix" }),
      target: (w) => w.extra.loanL1!,
      fresh: request,
    },
    "POST /v1/studios/{studioId}/loans/{loanId}/cancel": {
      action: "loan.withdraw",
      allow: [...ADMINS, "studentSelf", "parentOwn"],
      forbid: ["teacherOwn"],
      path: (w, t) => s(w, `/loans/${t}/cancel`),
      body: () => ({}),
      target: (w) => w.extra.loanL1!,
      fresh: request,
    },
    "POST /v1/studios/{studioId}/loans/{loanId}/return": {
      action: "loan.decide",
      allow: ADMINS,
      forbid: SEE_S1_NOT_ADMIN,
      path: (w, t) => s(w, `/loans/${t}/return`),
      body: () => ({ condition: "good" }),
      target: (w) => w.extra.loanL1!,
      fresh: lent,
    },
  },
};
