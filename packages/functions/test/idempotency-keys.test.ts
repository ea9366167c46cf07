import { randomUUID } from "node:crypto";
import * as Billing from "@studiosync/core/billing";
import { billingDb } from "@studiosync/core/billing";
import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { createBaseApp } from "../src/http/app-factory";
import { requireActor } from "../src/http/auth";
import { idempotent } from "../src/http/idempotency";
import { api } from "./support/api";
import { billingWorld, draftInvoice, sendInvoice } from "./support/billing";
import { memberWithRole } from "./support/members";

describe("issue 10 #9: idempotency keys belong to one studio and one caller", () => {
  it("never replays studio A's stored send to studio B, and B cannot pre-claim A's key", async () => {
    const a = await billingWorld();
    const b = await billingWorld();
    const stolenKey = `send-${randomUUID()}`;
    const draft = await draftInvoice(a.owner, a.family);
    const sent = await sendInvoice(a.owner, draft.id, { idempotencyKey: stolenKey });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);

    // B sends A's exact request (A's path, A's key): no replay of A's invoice, only B's own 404.
    const replayed = await sendInvoice(a.owner, draft.id, { token: b.owner.accessToken, idempotencyKey: stolenKey });
    expect(replayed.status).toBe(404);
    expect(replayed.headers.get("Idempotent-Replayed")).toBeNull();
    expect(JSON.stringify(replayed.body)).not.toContain(a.guardianEmail);
    expect(JSON.stringify(replayed.body)).not.toContain(draft.id);

    // B claims a key first; A's real send under the same key still happens and emails go out.
    const preClaimed = `send-${randomUUID()}`;
    const second = await draftInvoice(a.owner, a.family);
    const claim = await sendInvoice(a.owner, second.id, { token: b.owner.accessToken, idempotencyKey: preClaimed });
    expect(claim.status).toBe(404);
    const real = await sendInvoice(a.owner, second.id, { idempotencyKey: preClaimed });
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect(real.headers.get("Idempotent-Replayed")).toBeNull();
    expect(real.body.emailedTo).toEqual([a.guardianEmail]);
    await readMail(a.guardianEmail, { subject: real.body.number });

    // A's own retry is still a replay.
    const retry = await sendInvoice(a.owner, second.id, { idempotencyKey: preClaimed });
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body.number).toBe(real.body.number);
  });

  it("keeps one caller's key apart from another member's key in the same studio", async () => {
    const w = await billingWorld();
    const key = `pay-${randomUUID()}`;
    const body = { accountId: w.family, amountMinor: 1500, method: "cash" };
    const first = await api("POST", `/v1/studios/${w.studioId}/payments`, { token: w.owner.accessToken, body, headers: { "Idempotency-Key": key } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const teacherMember = await memberWithRole(w.owner, "teacher", { teacherId: w.teacher.id });
    const teacher = await api("POST", `/v1/studios/${w.studioId}/payments`, { token: teacherMember.accessToken, body, headers: { "Idempotency-Key": key } });
    expect(teacher.status).toBe(403);
    expect(teacher.headers.get("Idempotent-Replayed")).toBeNull();
  });
});

/**
 * A test app: the real idempotency middleware and the real payment use case, followed by a step
 * that throws after the commit (as a receipt that cannot be rendered did), or a step that throws
 * before anything is written.
 */
function appThatFails() {
  const app = createBaseApp();
  const middleware = [requireActor, idempotent("payment-record")] as const;
  app.post("/v1/studios/:studioId/payments-then-fail", ...middleware, async (c) => {
    const input = Billing.recordPaymentSchema.parse(await c.req.json());
    await Billing.recordManualPayment(c.get("actor"), c.req.param("studioId"), input);
    throw new Error("a step after the commit failed");
  });
  let failures = 1;
  app.post("/v1/studios/:studioId/fail-then-pay", ...middleware, async (c) => {
    if (failures-- > 0) throw new Error("failed before writing anything");
    const input = Billing.recordPaymentSchema.parse(await c.req.json());
    return c.json(await Billing.recordManualPayment(c.get("actor"), c.req.param("studioId"), input), 201);
  });
  return app;
}

const paymentsOf = async (studioId: string, accountId: string) =>
  (await billingDb().entities.payment.query.paymentsByAccount({ studioId, accountId }).go({ pages: "all" })).data;

describe("issue 10 #20: an idempotency key whose request committed is never released", () => {
  it("answers a retry of a payment that failed after its commit with a 409, and pays once", async () => {
    const w = await billingWorld();
    const app = appThatFails();
    const request = () =>
      app.request(`/v1/studios/${w.studioId}/payments-then-fail`, {
        method: "POST",
        headers: { Authorization: `Bearer ${w.owner.accessToken}`, "Content-Type": "application/json", "Idempotency-Key": "pay-once" },
        body: JSON.stringify({ accountId: w.family, amountMinor: 2500, method: "cash" }),
      });
    expect((await request()).status).toBe(500);
    const retry = await request();
    expect(retry.status).toBe(409);
    expect(((await retry.json()) as { detail: string }).detail).toMatch(/may have been carried out/);
    expect(await paymentsOf(w.studioId, w.family)).toHaveLength(1);
    expect((await request()).status).toBe(409);
    expect(await paymentsOf(w.studioId, w.family)).toHaveLength(1);
  });

  it("releases the key of a request that failed before it wrote anything, so the retry runs", async () => {
    const w = await billingWorld();
    const app = appThatFails();
    const request = () =>
      app.request(`/v1/studios/${w.studioId}/fail-then-pay`, {
        method: "POST",
        headers: { Authorization: `Bearer ${w.owner.accessToken}`, "Content-Type": "application/json", "Idempotency-Key": "retry-me" },
        body: JSON.stringify({ accountId: w.family, amountMinor: 2500, method: "cash" }),
      });
    expect((await request()).status).toBe(500);
    const retry = await request();
    expect(retry.status).toBe(201);
    const replay = await request();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await paymentsOf(w.studioId, w.family)).toHaveLength(1);
  });
});
