import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api } from "./support/api";
import { billingWorld, draftInvoice, expectLedgerInvariants, ledgerOf, postInvoice, sendInvoice, sentInvoice, type BillingWorld } from "./support/billing";

/**
 * Money through the API, to the minor unit: totals (subtotal exact; percent discount and tax
 * rounded half up once per invoice; tax on subtotal − discount), and every change of what is
 * owed (send, credit applied, credit notes, payments, void) posted to the ledger so that it sums
 * exactly to the balance, and balance = open invoices' balance due − account credit.
 */
const settings = (w: BillingWorld, body: Record<string, unknown>) =>
  api("PUT", `/v1/studios/${w.studioId}/billing-settings`, { token: w.owner.accessToken, body }).then((res) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

const pay = async (w: BillingWorld, body: Record<string, unknown>) => {
  const res = await api("POST", `/v1/studios/${w.studioId}/payments`, { token: w.owner.accessToken, body: { accountId: w.familyId, method: "cash", ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

const creditNote = (w: BillingWorld, invoiceId: string, amountMinor: number, reason = "Goodwill") =>
  api("POST", `/v1/studios/${w.studioId}/invoices/${invoiceId}/credit-notes`, { token: w.owner.accessToken, body: { amountMinor, reason } });

describe("invoice arithmetic over the API", () => {
  it("discounts and taxes exactly: percent discount and tax each rounded half up once, tax after discount", async () => {
    const w = await billingWorld();
    await settings(w, { taxRateMillipercent: 8875, taxName: "Sales tax" });
    // 3 × 33.33 + 0.01 = 100.00; 12.5 % off = 12.50; 8.875 % of 87.50 = 7.765625 → 7.77; total 95.27.
    const draft = await draftInvoice(
      w.owner,
      w.family,
      [
        { description: "Lesson", quantity: 3, unitPriceMinor: 3333 },
        { description: "Rounding", quantity: 1, unitPriceMinor: 1 },
      ],
      { discount: { kind: "percent", value: 12500, description: "Sibling discount" } },
    );
    expect(draft).toMatchObject({
      subtotalMinor: 10000,
      discountMinor: 1250,
      taxRateMillipercent: 8875,
      taxName: "Sales tax",
      taxMinor: 777,
      totalMinor: 9527,
      balanceDueMinor: 9527,
    });
    expect(draft.lines.map((l: { totalMinor: number }) => l.totalMinor)).toEqual([9999, 1]);

    // 12.5 % of 99.99 = 12.49875 → 12.50; 8.875 % of 87.49 = 7.7647375 → 7.76.
    const odd = await draftInvoice(w.owner, w.family, [{ description: "Lesson", quantity: 1, unitPriceMinor: 9999 }], {
      discount: { kind: "percent", value: 12500 },
    });
    expect(odd).toMatchObject({ subtotalMinor: 9999, discountMinor: 1250, taxMinor: 776, totalMinor: 9525 });

    // Half a cent of tax rounds up, less than half rounds down: 10 % of 0.05 and of 0.04.
    await settings(w, { taxRateMillipercent: 10000 });
    expect(await draftInvoice(w.owner, w.family, [{ description: "Pick", quantity: 1, unitPriceMinor: 5 }])).toMatchObject({ taxMinor: 1, totalMinor: 6 });
    expect(await draftInvoice(w.owner, w.family, [{ description: "Pick", quantity: 1, unitPriceMinor: 4 }])).toMatchObject({ taxMinor: 0, totalMinor: 4 });
    // Tax on the invoice, not per line: three lines of 0.05 at 10 % are 0.015 → 0.02 (per line would be 0.03).
    const three = await draftInvoice(
      w.owner,
      w.family,
      [1, 2, 3].map((i) => ({ description: `Pick ${i}`, quantity: 1, unitPriceMinor: 5 })),
    );
    expect(three).toMatchObject({ subtotalMinor: 15, taxMinor: 2, totalMinor: 17 });

    // A fixed discount never takes more than the subtotal; a credit line lowers it.
    expect(
      await draftInvoice(w.owner, w.family, [{ description: "Lesson", quantity: 1, unitPriceMinor: 2000 }], { discount: { kind: "fixed", value: 5000 } }),
    ).toMatchObject({
      subtotalMinor: 2000,
      discountMinor: 2000,
      taxMinor: 0,
      totalMinor: 0,
    });
    const credited = await draftInvoice(w.owner, w.family, [
      { description: "Lessons", quantity: 4, unitPriceMinor: 3000 },
      { description: "Missed lesson credit", quantity: 1, unitPriceMinor: -3000 },
    ]);
    expect(credited).toMatchObject({ subtotalMinor: 9000, taxMinor: 900, totalMinor: 9900 });
    const negative = await postInvoice(w.owner, { accountId: w.familyId, lines: [{ description: "Refund", quantity: 1, unitPriceMinor: -100 }] });
    expect(negative.status).toBe(422);
    expect(negative.body.errors).toEqual([{ path: "lines", message: "must not add up to less than zero" }]);
    const tooMuch = await postInvoice(w.owner, { accountId: w.familyId, lines: [{ description: "Big", quantity: 10000, unitPriceMinor: 1_000_000_000 }] });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0].path).toBe("lines.0.unitPriceMinor");

    // Editing a draft computes again at the studio's current rate; the invoice keeps it once sent.
    await settings(w, { taxRateMillipercent: 20000, taxName: "VAT" });
    const patched = await api("PATCH", `/v1/studios/${w.studioId}/invoices/${draft.id}`, { token: w.owner.accessToken, body: { discount: null } });
    expect(patched.body).toMatchObject({
      subtotalMinor: 10000,
      discountMinor: 0,
      taxRateMillipercent: 20000,
      taxName: "VAT",
      taxMinor: 2000,
      totalMinor: 12000,
      discount: null,
    });
    const sent = await sendInvoice(w.owner, draft.id);
    await settings(w, { taxRateMillipercent: 0 });
    expect((await api("GET", `/v1/studios/${w.studioId}/invoices/${draft.id}`, { token: w.owner.accessToken })).body).toMatchObject({
      number: sent.body.number,
      taxMinor: 2000,
      totalMinor: 12000,
    });
  });

  it("posts every change of what is owed, to the minor unit: send, credit notes, payments, credit applied, void", async () => {
    const w = await billingWorld();
    await settings(w, { taxRateMillipercent: 8875 });
    const first = await sentInvoice(
      w.owner,
      w.family,
      [
        { description: "Lesson", quantity: 3, unitPriceMinor: 3333 },
        { description: "Rounding", quantity: 1, unitPriceMinor: 1 },
      ],
      {
        discount: { kind: "percent", value: 12500 },
      },
    );
    expect(first).toMatchObject({ totalMinor: 9527, balanceDueMinor: 9527, status: "sent" });

    // A credit note lowers what is owed; never beyond what the invoice charged and was not credited.
    const note = await creditNote(w, first.id, 1000);
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(note.body).toMatchObject({ creditedMinor: 1000, amountPaidMinor: 0, balanceDueMinor: 8527, status: "partial" });
    const over = await creditNote(w, first.id, 8528);
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([{ path: "amountMinor", message: expect.stringMatching(/^must be at most 8527/) }]);
    expect((await expectLedgerInvariants(w.studioId, w.familyId)).balanceMinor).toBe(8527);

    // Paid in full, then 5.00 more credited: that part of the payment becomes account credit.
    await pay(w, { amountMinor: 8527, invoiceId: first.id });
    const beyond = await creditNote(w, first.id, 500, "Teacher was late");
    expect(beyond.body).toMatchObject({ status: "paid", creditedMinor: 1500, amountPaidMinor: 8027, balanceDueMinor: 0 });
    let account = await expectLedgerInvariants(w.studioId, w.familyId);
    expect(account).toMatchObject({ balanceMinor: -500, creditMinor: 500 });

    // The credit is applied to the next invoice sent: 20.00 + 8.875 % = 21.78 (177.5 → 178), 5.00 of it paid by credit.
    const second = await sentInvoice(w.owner, w.family, [{ description: "Lesson", quantity: 1, unitPriceMinor: 2000 }]);
    expect(second).toMatchObject({ totalMinor: 2178, amountPaidMinor: 500, balanceDueMinor: 1678, status: "partial" });
    expect(second.history.map((h: { event: string }) => h.event)).toEqual(["drafted", "sent", "credit_applied"]);
    account = await expectLedgerInvariants(w.studioId, w.familyId);
    expect(account).toMatchObject({ balanceMinor: 1678, creditMinor: 0 });
    const [mail] = await readMail(w.guardianEmail, { subject: second.number });
    expect(mail!.body.text).toContain("Account credit of $5.00 has been applied to it.");
    expect(mail!.body.text).toContain("Amount due: $16.78");

    // Voiding the paid invoice: the ledger takes off what it charged net of credit notes, and what was paid on it is credit again.
    const voided = await api("POST", `/v1/studios/${w.studioId}/invoices/${first.id}/void`, { token: w.owner.accessToken, body: { reason: "Wrong family" } });
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    expect(voided.body).toMatchObject({ status: "void", balanceDueMinor: 0, voidReason: "Wrong family", number: first.number });
    account = await expectLedgerInvariants(w.studioId, w.familyId);
    expect(account).toMatchObject({ balanceMinor: 1678 - 8027, creditMinor: 8027 });
    expect((await ledgerOf(w.studioId, w.familyId)).map((e) => [e.type, e.amountMinor, e.creditAfterMinor])).toEqual([
      ["invoice", 9527, 0],
      ["credit_note", -1000, 0],
      ["payment", -8527, 0],
      ["credit_note", -500, 500],
      ["invoice", 2178, 500],
      ["credit_applied", 0, 0],
      ["void", -8027, 8027],
    ]);
  });

  it("issues a zero total as paid, with nothing to remind", async () => {
    const w = await billingWorld();
    const free = await sentInvoice(w.owner, w.family, [{ description: "Trial lesson", quantity: 1, unitPriceMinor: 3000 }], {
      discount: { kind: "percent", value: 100000 },
    });
    expect(free).toMatchObject({ totalMinor: 0, balanceDueMinor: 0, status: "paid" });
    const [mail] = await readMail(w.guardianEmail, { subject: free.number });
    expect(mail!.subject).toContain(": paid");
    expect(await expectLedgerInvariants(w.studioId, w.familyId)).toMatchObject({ balanceMinor: 0 });
  });

  it("keeps amounts in the currency's own minor units (yen have none)", async () => {
    const w = await billingWorld({ currency: "JPY", timeZone: "Asia/Tokyo" });
    await settings(w, { taxRateMillipercent: 10000, taxName: "Consumption tax" });
    // ¥4,999 × 3 = ¥14,997; 10 % = 1,499.7 → ¥1,500.
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Koto lesson", quantity: 3, unitPriceMinor: 4999 }]);
    expect(sent).toMatchObject({ currency: "JPY", subtotalMinor: 14997, taxMinor: 1500, totalMinor: 16497 });
    const [mail] = await readMail(w.guardianEmail, { subject: sent.number });
    expect(mail!.body.text).toContain("¥16,497");
    expect(mail!.body.text).toContain("Koto lesson (3 × ¥4,999): ¥14,997");
  });
});
