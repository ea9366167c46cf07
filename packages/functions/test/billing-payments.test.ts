import { randomUUID } from "node:crypto";
import { billingDb, ExtraWriteRejected, recordPayment } from "@studiosync/core/billing";
import { localParts } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { outboxDrained, readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio } from "./support/api";
import {
  billingWorld,
  type BillingWorld,
  draftInvoice,
  expectLedgerInvariants,
  getInvoice,
  ledgerOf,
  openAccount,
  type Owner,
  sendInvoice,
  sentInvoice,
} from "./support/billing";
import { memberWithRole } from "./support/members";
import { auditActions } from "./support/people";

const ZONE = "Europe/London";

const pay = (owner: Owner, body: Record<string, unknown>, options: { token?: string; key?: string } = {}) =>
  api("POST", `/v1/studios/${owner.studio.id}/payments`, {
    token: options.token ?? owner.accessToken,
    body,
    ...(options.key ? { headers: { "Idempotency-Key": options.key } } : {}),
  });

const refund = (owner: Owner, paymentId: string, body: Record<string, unknown>, options: { token?: string; key?: string } = {}) =>
  api("POST", `/v1/studios/${owner.studio.id}/payments/${paymentId}/refunds`, {
    token: options.token ?? owner.accessToken,
    body,
    ...(options.key ? { headers: { "Idempotency-Key": options.key } } : {}),
  });

async function paid(owner: Owner, body: Record<string, unknown>) {
  const res = await pay(owner, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Record<string, any> & { id: string };
}

async function refunded(owner: Owner, paymentId: string, body: Record<string, unknown>) {
  const res = await refund(owner, paymentId, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Record<string, any> & { id: string };
}

const invoiceNow = async (owner: Owner, invoiceId: string) => {
  const res = await getInvoice(owner, invoiceId);
  expect(res.status).toBe(200);
  return res.body as Record<string, any>;
};

const invoiceRecord = async (studioId: string, invoiceId: string) =>
  (await billingDb().entities.invoice.get({ studioId, invoiceId }).go({ consistent: true })).data!;
const dunningItem = async (day: string, studioId: string, invoiceId: string) =>
  (await billingDb().entities.dunningDue.get({ day, studioId, invoiceId }).go({ consistent: true })).data;
const revenue = async (studioId: string, month: string) => (await billingDb().entities.revenueMonth.get({ studioId, month }).go({ consistent: true })).data;
const thisMonth = () => localParts(new Date(), ZONE).date.slice(0, 7);
/** Messages to `to` about `subject`, once the studio's outbox has sent everything (no straggler can follow). */
const settledMail = async (w: BillingWorld, subject: string, count: number) => {
  await readMail(w.guardianEmail, { subject, count });
  await outboxDrained(w.studioId);
  return readMail(w.guardianEmail, { subject, count, timeoutMs: 200 });
};

async function world(): Promise<BillingWorld> {
  return billingWorld({ timeZone: ZONE, currency: "GBP" });
}

describe("payments", () => {
  it("records a partial payment, then the rest: exact amounts, statuses, reminders stopped, ledger, revenue, receipts", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const settings = await api("PUT", `/v1/studios/${studioId}/billing-settings`, {
      token: owner.accessToken,
      body: { taxRateMillipercent: 8875, taxName: "Sales tax" },
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    // 3 × 43.33 = 129.99; tax 8.875 % = 11.5366… → 11.54; total 141.53.
    const invoice = await sentInvoice(owner, w.family, [{ description: "Piano lessons", quantity: 3, unitPriceMinor: 4333 }]);
    expect(invoice).toMatchObject({ subtotalMinor: 12999, taxMinor: 1154, totalMinor: 14153, balanceDueMinor: 14153, status: "sent" });
    const pendingDay = (await invoiceRecord(studioId, invoice.id)).nextDunningDay!;
    expect(await dunningItem(pendingDay, studioId, invoice.id)).toBeTruthy();

    const first = await paid(owner, { accountId: w.family, amountMinor: 5000, method: "check", reference: "CHK 1042", invoiceId: invoice.id });
    expect(first).toMatchObject({
      accountId: w.family,
      amountMinor: 5000,
      currency: "GBP",
      method: "check",
      source: "manual",
      status: "completed",
      reference: "CHK 1042",
      allocations: [{ invoiceId: invoice.id, amountMinor: 5000 }],
      unallocatedMinor: 0,
      refundedMinor: 0,
      refundableMinor: 5000,
      recordedBy: owner.userId,
    });
    const partial = await invoiceNow(owner, invoice.id);
    expect(partial).toMatchObject({ status: "partial", amountPaidMinor: 5000, balanceDueMinor: 9153 });
    expect(partial.history.at(-1)).toMatchObject({
      event: "payment_received",
      detail: "Payment received: £50.00 by check (ref CHK 1042); £91.53 still due",
      actorId: owner.userId,
    });
    expect(await dunningItem(pendingDay, studioId, invoice.id)).toBeTruthy();

    const [receipt] = await readMail(w.guardianEmail, { subject: "Receipt: £50.00 received" });
    expect(receipt!.body.text).toContain(`received a payment of £50.00 by check on`);
    expect(receipt!.body.text).toContain("(reference CHK 1042)");
    expect(receipt!.body.text).toContain(`Invoice ${invoice.number}: £50.00 paid — £91.53 still due.`);
    expect(receipt!.body.text).toContain("Account balance: £91.53 owed.");
    expect(receipt!.body.text).toContain(`/invoices/`);

    const rest = await paid(owner, { accountId: w.family, amountMinor: 9153, method: "bank_transfer" });
    expect(rest.allocations).toEqual([{ invoiceId: invoice.id, amountMinor: 9153 }]);
    expect(await invoiceNow(owner, invoice.id)).toMatchObject({ status: "paid", amountPaidMinor: 14153, balanceDueMinor: 0 });
    const closed = await invoiceRecord(studioId, invoice.id);
    expect(closed).toMatchObject({ listState: "closed", status: "paid" });
    expect(closed.nextDunningDay).toBeUndefined();
    expect(closed.nextDunningStep).toBeUndefined();
    expect(await dunningItem(pendingDay, studioId, invoice.id)).toBeNull();
    const [second] = await readMail(w.guardianEmail, { subject: "Receipt: £91.53 received" });
    expect(second!.body.text).toContain(`Invoice ${invoice.number}: £91.53 paid — paid in full.`);
    expect(second!.body.text).toContain("Account balance: nothing owed.");

    const ledger = await ledgerOf(studioId, w.family);
    expect(ledger.map((e) => [e.type, e.amountMinor, e.balanceAfterMinor])).toEqual([
      ["invoice", 14153, 14153],
      ["payment", -5000, 9153],
      ["payment", -9153, 0],
    ]);
    expect(ledger[1]!.description).toBe("Payment received: £50.00 by check (ref CHK 1042)");
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 0, creditMinor: 0 });
    expect(await revenue(studioId, thisMonth())).toMatchObject({ receivedMinor: 14153, refundedMinor: 0, paymentCount: 2 });
    expect(await auditActions(studioId, "payment", first.id)).toEqual(["payment.recorded"]);
  });

  it("pays the chosen invoice first, then the oldest due, keeps the rest as credit, and the next invoice sent takes it", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const older = await sentInvoice(owner, w.family, [{ description: "October", quantity: 1, unitPriceMinor: 6000 }], {
      dueDate: localParts(new Date(Date.now() + 5 * 86_400_000), ZONE).date,
    });
    const newer = await sentInvoice(owner, w.family, [{ description: "November", quantity: 1, unitPriceMinor: 4000 }], {
      dueDate: localParts(new Date(Date.now() + 9 * 86_400_000), ZONE).date,
    });
    const third = await sentInvoice(owner, w.family, [{ description: "Books", quantity: 2, unitPriceMinor: 1250 }], {
      dueDate: localParts(new Date(Date.now() + 7 * 86_400_000), ZONE).date,
    });

    // 40.00 to the chosen invoice, 60.00 to the oldest due, 17.50 of the 25.00 due between them; 0 credit.
    const one = await paid(owner, { accountId: w.family, amountMinor: 11750, method: "cash", invoiceId: newer.id });
    expect(one.allocations).toEqual([
      { invoiceId: newer.id, amountMinor: 4000 },
      { invoiceId: older.id, amountMinor: 6000 },
      { invoiceId: third.id, amountMinor: 1750 },
    ]);
    expect(one.unallocatedMinor).toBe(0);
    // 7.50 closes the third invoice; 12.34 is left over as credit.
    const two = await paid(owner, { accountId: w.family, amountMinor: 1984, method: "other" });
    expect(two).toMatchObject({ allocations: [{ invoiceId: third.id, amountMinor: 750 }], unallocatedMinor: 1234 });
    for (const id of [older.id, newer.id, third.id]) expect((await invoiceNow(owner, id)).status).toBe("paid");
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: -1234, creditMinor: 1234 });
    const [receipt] = await readMail(w.guardianEmail, { subject: "Receipt: £19.84 received" });
    expect(receipt!.body.text).toContain("£12.34 is kept as credit on the account and will be taken off the next invoice.");
    expect(receipt!.body.text).toContain("Account balance: £12.34 in credit.");

    const next = await sentInvoice(owner, w.family, [{ description: "December", quantity: 1, unitPriceMinor: 5000 }]);
    expect(next).toMatchObject({ status: "partial", amountPaidMinor: 1234, balanceDueMinor: 3766 });
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 3766, creditMinor: 0 });
  });

  it("refunds from the payment's credit first, then re-opens the invoice it paid with its reminders back; exact ledger and revenue", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const invoice = await sentInvoice(owner, w.family, [{ description: "Term fee", quantity: 1, unitPriceMinor: 6000 }]);
    const payment = await paid(owner, { accountId: w.family, amountMinor: 8000, method: "card", invoiceId: invoice.id });
    expect(payment).toMatchObject({ allocations: [{ invoiceId: invoice.id, amountMinor: 6000 }], unallocatedMinor: 2000 });
    expect((await invoiceRecord(studioId, invoice.id)).nextDunningDay).toBeUndefined();

    const r1 = await refunded(owner, payment.id, { amountMinor: 1500, reason: "Overpaid by mistake" });
    expect(r1).toMatchObject({
      status: "partially_refunded",
      refundedMinor: 1500,
      refundableMinor: 6500,
      unallocatedMinor: 500,
      allocations: [{ invoiceId: invoice.id, amountMinor: 6000 }],
    });
    expect(r1.refunds).toEqual([expect.objectContaining({ amountMinor: 1500, reason: "Overpaid by mistake", actorId: owner.userId })]);
    expect((await invoiceNow(owner, invoice.id)).status).toBe("paid");
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: -500, creditMinor: 500 });
    const [mail1] = await readMail(w.guardianEmail, { subject: "Refund: £15.00" });
    expect(mail1!.body.text).toContain("has refunded £15.00 of the payment of £80.00 received on");
    expect(mail1!.body.text).toContain("Reason: Overpaid by mistake");
    expect(mail1!.body.text).toContain("£15.00 of it came from the credit held on the account.");
    expect(mail1!.body.text).toContain("Account balance: £5.00 in credit.");

    // 5.00 from the credit left, 25.00 from the invoice: owed again, with its reminders from today.
    const r2 = await refunded(owner, payment.id, { amountMinor: 3000, reason: "Lesson not given" });
    expect(r2).toMatchObject({ refundedMinor: 4500, refundableMinor: 3500, unallocatedMinor: 0, allocations: [{ invoiceId: invoice.id, amountMinor: 3500 }] });
    const reopened = await invoiceNow(owner, invoice.id);
    expect(reopened).toMatchObject({ status: "partial", amountPaidMinor: 3500, balanceDueMinor: 2500 });
    expect(reopened.history.at(-1)).toMatchObject({
      event: "payment_refunded",
      detail: "Refund: £25.00 of a payment given back (Lesson not given); £25.00 due",
    });
    const record = await invoiceRecord(studioId, invoice.id);
    expect(record.listState).toBe("open");
    expect(record.nextDunningDay! >= localParts(new Date(), ZONE).date).toBe(true);
    expect(await dunningItem(record.nextDunningDay!, studioId, invoice.id)).toMatchObject({ step: record.nextDunningStep });
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 2500, creditMinor: 0 });
    const [mail2] = await readMail(w.guardianEmail, { subject: "Refund: £30.00" });
    expect(mail2!.body.text).toContain(`Invoice ${invoice.number} is open again: £25.00 due by`);
    expect(mail2!.body.text).toContain("Account balance: £25.00 owed.");

    const tooMuch = await refund(owner, payment.id, { amountMinor: 3501, reason: "x" });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors).toEqual([{ path: "amountMinor", message: "must be at most 3500 (what is left of the payment to refund)" }]);

    const r3 = await refunded(owner, payment.id, { amountMinor: 3500, reason: "Closing the account" });
    expect(r3).toMatchObject({ status: "refunded", refundedMinor: 8000, refundableMinor: 0, allocations: [], unallocatedMinor: 0 });
    expect(await invoiceNow(owner, invoice.id)).toMatchObject({ status: "sent", amountPaidMinor: 0, balanceDueMinor: 6000 });
    expect((await refund(owner, payment.id, { amountMinor: 1, reason: "again" })).status).toBe(409);

    const ledger = await ledgerOf(studioId, w.family);
    expect(ledger.map((e) => [e.type, e.amountMinor, e.balanceAfterMinor, e.creditAfterMinor])).toEqual([
      ["invoice", 6000, 6000, 0],
      ["payment", -8000, -2000, 2000],
      ["refund", 1500, -500, 500],
      ["refund", 3000, 2500, 0],
      ["refund", 3500, 6000, 0],
    ]);
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 6000, creditMinor: 0 });
    expect(await revenue(studioId, thisMonth())).toMatchObject({ receivedMinor: 8000, refundedMinor: 8000, paymentCount: 1 });
    expect(await auditActions(studioId, "payment", payment.id)).toEqual(["payment.recorded", "payment.refunded", "payment.refunded", "payment.refunded"]);
    const fetched = await api("GET", `/v1/studios/${studioId}/payments/${payment.id}`, { token: owner.accessToken });
    expect(fetched.body.refunds.map((r: { amountMinor: number }) => r.amountMinor)).toEqual([1500, 3000, 3500]);
  });

  it("takes a refund of credit already applied to a later invoice back from that invoice", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const first = await sentInvoice(owner, w.family, [{ description: "September", quantity: 1, unitPriceMinor: 6000 }]);
    const payment = await paid(owner, { accountId: w.family, amountMinor: 10000, method: "bank_transfer" });
    expect(payment).toMatchObject({ allocations: [{ invoiceId: first.id, amountMinor: 6000 }], unallocatedMinor: 4000 });
    const second = await sentInvoice(owner, w.family, [{ description: "October", quantity: 1, unitPriceMinor: 5000 }]);
    expect(second).toMatchObject({ amountPaidMinor: 4000, balanceDueMinor: 1000 });

    const back = await refunded(owner, payment.id, { amountMinor: 10000, reason: "Family moved away" });
    expect(back).toMatchObject({ status: "refunded", allocations: [], unallocatedMinor: 0 });
    expect(await invoiceNow(owner, first.id)).toMatchObject({ amountPaidMinor: 0, balanceDueMinor: 6000 });
    expect(await invoiceNow(owner, second.id)).toMatchObject({ amountPaidMinor: 0, balanceDueMinor: 5000 });
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 11000, creditMinor: 0 });
  });

  it("records a payment once for retries with the same Idempotency-Key, and a refund once", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const invoice = await sentInvoice(owner, w.family, [{ description: "Lessons", quantity: 1, unitPriceMinor: 7777 }]);
    const key = `pay-${randomUUID()}`;
    const body = { accountId: w.family, amountMinor: 2222, method: "cash", invoiceId: invoice.id };
    const first = await pay(owner, body, { key });
    expect(first.status).toBe(201);
    const retry = await pay(owner, body, { key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
    const other = await pay(owner, { ...body, amountMinor: 1 }, { key });
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([{ path: "Idempotency-Key", message: "was used for a different request" }]);

    const list = await api("GET", `/v1/studios/${studioId}/payments?accountId=${w.family}`, { token: owner.accessToken });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([first.body.id]);
    expect(await invoiceNow(owner, invoice.id)).toMatchObject({ amountPaidMinor: 2222, balanceDueMinor: 5555 });
    expect(await settledMail(w, "Receipt: £22.22", 1)).toHaveLength(1);

    const refundKey = `refund-${randomUUID()}`;
    const r1 = await refund(owner, first.body.id, { amountMinor: 222, reason: "Discount" }, { key: refundKey });
    const r2 = await refund(owner, first.body.id, { amountMinor: 222, reason: "Discount" }, { key: refundKey });
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(r2.headers.get("Idempotent-Replayed")).toBe("true");
    const after = await api("GET", `/v1/studios/${studioId}/payments/${first.body.id}`, { token: owner.accessToken });
    expect(after.body).toMatchObject({ refundedMinor: 222, refunds: [expect.objectContaining({ amountMinor: 222 })] });
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 7777 - 2222 + 222 });
    expect(await settledMail(w, "Refund: £2.22", 1)).toHaveLength(1);
  });

  it("lands concurrent payments to one account exactly", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const a = await sentInvoice(owner, w.family, [{ description: "A", quantity: 1, unitPriceMinor: 4000 }]);
    const b = await sentInvoice(owner, w.family, [{ description: "B", quantity: 1, unitPriceMinor: 6000 }]);
    const amounts = [1000, 2000, 3000, 4000, 501];
    const results = await Promise.all(amounts.map((amountMinor) => pay(owner, { accountId: w.family, amountMinor, method: "cash" })));
    expect(results.map((r) => r.status)).toEqual(amounts.map(() => 201));
    const allocated = results.flatMap((r) => r.body.allocations as { invoiceId: string; amountMinor: number }[]);
    expect(allocated.filter((x) => x.invoiceId === a.id).reduce((s, x) => s + x.amountMinor, 0)).toBe(4000);
    expect(allocated.filter((x) => x.invoiceId === b.id).reduce((s, x) => s + x.amountMinor, 0)).toBe(6000);
    expect(results.reduce((s, r) => s + r.body.unallocatedMinor, 0)).toBe(501);
    for (const id of [a.id, b.id]) expect(await invoiceNow(owner, id)).toMatchObject({ status: "paid", balanceDueMinor: 0 });
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: -501, creditMinor: 501 });
    const payments = (await ledgerOf(studioId, w.family)).filter((e) => e.type === "payment");
    expect(payments.map((e) => -e.amountMinor).sort((x, y) => x - y)).toEqual([...amounts].sort((x, y) => x - y));
    expect(await revenue(studioId, thisMonth())).toMatchObject({ receivedMinor: 10501, paymentCount: 5 });
  });

  it("records a Stripe payment once through extraWrites: a replayed event writes nothing", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const invoice = await sentInvoice(owner, w.family, [{ description: "Lessons", quantity: 1, unitPriceMinor: 3000 }]);
    const eventId = `evt_${randomUUID()}`;
    const input = {
      accountId: w.family,
      amountMinor: 3000,
      method: "card" as const,
      source: "stripe" as const,
      invoiceId: invoice.id,
      receivedAt: new Date().toISOString(),
      stripeSessionId: "cs_test_1",
      stripePaymentIntentId: "pi_test_1",
      extraWrites: (tx: any, payment: { paymentId: string }) => [
        tx.stripeEvent.create({ eventId, studioId, type: "checkout.session.completed", paymentId: payment.paymentId }).commit(),
      ],
    };
    const payment = await recordPayment(studioId, input);
    expect(payment).toMatchObject({
      source: "stripe",
      method: "card",
      recordedBy: null,
      stripePaymentIntentId: "pi_test_1",
      allocations: [{ invoiceId: invoice.id, amountMinor: 3000 }],
    });
    await expect(recordPayment(studioId, input)).rejects.toBeInstanceOf(ExtraWriteRejected);
    const event = (await billingDb().entities.stripeEvent.get({ studioId, eventId }).go()).data;
    expect(event).toMatchObject({ paymentId: payment.id });
    expect((await ledgerOf(studioId, w.family)).filter((e) => e.type === "payment")).toHaveLength(1);
    expect(await invoiceNow(owner, invoice.id)).toMatchObject({ status: "paid" });
    expect(await settledMail(w, "Receipt: £30.00", 1)).toHaveLength(1);
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 0 });
  });

  it("names bad fields, books revenue in the month received, and refuses other invoices", async () => {
    const w = await world();
    const { owner, studioId } = w;
    const missing = await pay(owner, { amountMinor: 0, method: "bitcoin" });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["accountId", "amountMinor", "method"]);
    expect(missing.body.errors.find((e: { path: string }) => e.path === "amountMinor").message).toBe("must be at least 1");
    const fraction = await pay(owner, { accountId: w.family, amountMinor: 10.5, method: "cash" });
    expect(fraction.body.errors).toEqual([{ path: "amountMinor", message: "must be a whole number of minor units" }]);
    const future = await pay(owner, { accountId: w.family, amountMinor: 100, method: "cash", receivedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.body.errors).toEqual([{ path: "receivedAt", message: "must not be in the future" }]);
    expect((await pay(owner, { accountId: randomUUID(), amountMinor: 100, method: "cash" })).status).toBe(404);

    const draft = await draftInvoice(owner, w.family);
    expect((await pay(owner, { accountId: w.family, amountMinor: 100, method: "cash", invoiceId: draft.id })).body.errors).toEqual([
      { path: "invoiceId", message: "is a draft: send it before recording a payment for it" },
    ]);
    const student = w.students[0]!;
    await openAccount(studioId, { kind: "student", partyId: student.id }, `${student.firstName} ${student.lastName}`);
    const theirs = await sentInvoice(owner, student.id);
    expect((await pay(owner, { accountId: w.family, amountMinor: 100, method: "cash", invoiceId: theirs.id })).body.errors).toEqual([
      { path: "invoiceId", message: "is not an invoice of this account" },
    ]);
    expect((await refund(owner, randomUUID(), { amountMinor: 1, reason: "x" })).status).toBe(404);
    const badRefund = await refund(owner, randomUUID(), { amountMinor: -5 });
    expect(badRefund.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["amountMinor", "reason"]);

    // Received 40 days ago: revenue of that month, not this one.
    const receivedAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const late = await paid(owner, { accountId: student.id, amountMinor: 6000, method: "check", receivedAt });
    expect(late).toMatchObject({ receivedAt, allocations: [{ invoiceId: theirs.id, amountMinor: 6000 }] });
    expect(await revenue(studioId, localParts(receivedAt, ZONE).date.slice(0, 7))).toMatchObject({ receivedMinor: 6000, paymentCount: 1 });
    expect(await expectLedgerInvariants(studioId, student.id)).toMatchObject({ balanceMinor: 0 });
  });

  it("shows payments to admins and the account's parent; teachers are refused, everyone else sees nothing", async () => {
    const w = await world();
    const { owner, studioId } = w;
    await sentInvoice(owner, w.family, [{ description: "Lessons", quantity: 1, unitPriceMinor: 5000 }]);
    const payment = await paid(owner, { accountId: w.family, amountMinor: 2000, method: "cash" });
    const parent = await memberWithRole(owner, "parent", { guardianId: w.guardianId, familyId: w.familyId });
    const teacher = await memberWithRole(owner, "teacher", { teacherId: w.teacher.id });
    const studentMember = await memberWithRole(owner, "student", { studentId: w.students[0]!.id });
    const admin = await memberWithRole(owner, "admin");
    const outsider = await ownerWithStudio();

    const own = await api("GET", `/v1/studios/${studioId}/payments`, { token: parent.accessToken });
    expect(own.status).toBe(200);
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([payment.id]);
    expect((await api("GET", `/v1/studios/${studioId}/payments/${payment.id}`, { token: parent.accessToken })).status).toBe(200);
    expect((await api("GET", `/v1/studios/${studioId}/payments/${payment.id}`, { token: admin.accessToken })).status).toBe(200);
    const everything = await api("GET", `/v1/studios/${studioId}/payments`, { token: owner.accessToken });
    expect(everything.body.items.map((p: { id: string }) => p.id)).toEqual([payment.id]);

    expect((await api("GET", `/v1/studios/${studioId}/payments/${payment.id}`, { token: teacher.accessToken })).status).toBe(403);
    expect((await api("GET", `/v1/studios/${studioId}/payments?accountId=${w.family}`, { token: teacher.accessToken })).status).toBe(403);
    expect((await api("GET", `/v1/studios/${studioId}/payments/${payment.id}`, { token: studentMember.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${studioId}/payments?accountId=${w.family}`, { token: studentMember.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${studioId}/payments`, { token: studentMember.accessToken })).body.items).toEqual([]);
    expect((await api("GET", `/v1/studios/${studioId}/payments/${payment.id}`, { token: outsider.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${studioId}/payments/${payment.id}`)).status).toBe(401);

    expect((await pay(owner, { accountId: w.family, amountMinor: 100, method: "cash" }, { token: parent.accessToken })).status).toBe(403);
    expect((await refund(owner, payment.id, { amountMinor: 100, reason: "x" }, { token: parent.accessToken })).status).toBe(403);
    expect((await refund(owner, payment.id, { amountMinor: 100, reason: "x" }, { token: teacher.accessToken })).status).toBe(403);
    expect((await pay(owner, { accountId: w.family, amountMinor: 100, method: "cash" }, { token: outsider.accessToken })).status).toBe(404);
    expect(await expectLedgerInvariants(studioId, w.family)).toMatchObject({ balanceMinor: 3000 });
  });
});
