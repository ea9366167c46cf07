import { billingDb } from "@studiosync/core/billing";
import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { addStudent } from "./support/people";
import { billingWorld, draftInvoice, expectLedgerInvariants, ledgerOf, openAccount, sendInvoice } from "./support/billing";

describe("invoice numbers", () => {
  // Every send of a burst retries until it wins the counter: on DynamoDB Local that is seconds.
  it("gives 20 concurrent sends the numbers 1..20, each exactly once, with no gap", async () => {
    const w = await billingWorld();
    // Half the drafts on one account (its postings race too), half on accounts of their own.
    const others = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const student = await addStudent(w.owner, { firstName: `Solo${i}` });
        await openAccount(w.studioId, { kind: "student", partyId: student.id }, `Solo${i}`);
        return student.id;
      }),
    );
    const accounts = [...Array.from({ length: 10 }, () => w.family), ...others];
    const drafts = await Promise.all(
      accounts.map((account, i) => draftInvoice(w.owner, account, [{ description: `Lesson ${i}`, quantity: 1, unitPriceMinor: 1000 + i }])),
    );

    const results = await Promise.all(drafts.map((d) => sendInvoice(w.owner, d.id)));
    for (const res of results) expect(res.status, JSON.stringify(res.body)).toBe(200);
    const numbers = results.map((r) => r.body.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `INV-${String(i + 1).padStart(6, "0")}`));

    const stored = await Promise.all(drafts.map(async (d) => (await billingDb().entities.invoice.get({ studioId: w.studioId, invoiceId: d.id }).go()).data!));
    expect(stored.map((s) => s.sequence).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await billingDb().entities.invoiceCounter.get({ studioId: w.studioId }).go()).data!.lastSequence).toBe(20);

    const family = await expectLedgerInvariants(w.studioId, w.familyId);
    expect(family.balanceMinor).toBe(Array.from({ length: 10 }, (_, i) => 1000 + i).reduce((a, b) => a + b, 0));
    expect(await ledgerOf(w.studioId, w.familyId)).toHaveLength(10);
    for (const [i, id] of others.entries()) expect((await expectLedgerInvariants(w.studioId, id)).balanceMinor).toBe(1010 + i);

    // The next send continues the sequence.
    const next = await sendInvoice(w.owner, (await draftInvoice(w.owner, w.family)).id);
    expect(next.body.number).toBe("INV-000021");
  }, 120_000);

  it("issues a draft sent five times at once exactly once: one number, one ledger entry, one invoice email", async () => {
    const w = await billingWorld();
    const draft = await draftInvoice(w.owner, w.family);
    const results = await Promise.all(Array.from({ length: 5 }, () => sendInvoice(w.owner, draft.id)));
    for (const res of results) expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(new Set(results.map((r) => r.body.number))).toEqual(new Set(["INV-000001"]));
    expect(await ledgerOf(w.studioId, w.familyId)).toHaveLength(1);
    expect((await billingDb().entities.invoiceCounter.get({ studioId: w.studioId }).go()).data!.lastSequence).toBe(1);
    // A send that reads the invoice after it was issued emails a copy (a resend), never a second issue.
    await readMail(w.guardianEmail, { subject: "Invoice INV-000001" });
    expect(await readMail(w.guardianEmail, { subject: "Invoice INV-000001", timeoutMs: 1000 })).toHaveLength(1);
    const stored = (await billingDb().entities.invoice.get({ studioId: w.studioId, invoiceId: draft.id }).go()).data!;
    expect(stored.history!.filter((h) => h.event === "sent")).toHaveLength(1);
  });
});
