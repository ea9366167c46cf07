import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { billingWorld, draftInvoice, getInvoice, sentInvoice } from "./support/billing";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const patchStudio = (owner: Owner, body: Record<string, unknown>) => api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body });

describe("issue 10 #19: the studio's currency is fixed once money is on record", () => {
  it("changes freely before any money, and refuses (409, saying why) once invoices exist, leaving the money in its currency", async () => {
    const w = await billingWorld({ currency: "USD" });
    const fresh = await ownerWithStudio({ currency: "USD" });
    const switched = await patchStudio(fresh, { currency: "eur" });
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body.currency).toBe("EUR");

    const invoice = await sentInvoice(w.owner, w.family, [{ description: "Lessons", quantity: 1, unitPriceMinor: 10888 }]);
    const refused = await patchStudio(w.owner, { currency: "JPY" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("This studio has invoices in USD; its currency can't change once money is recorded");
    expect(refused.body.errors[0].path).toBe("currency");
    // Nothing else in the same request is written either, and the money still reads $108.88.
    expect((await patchStudio(w.owner, { currency: "JPY", name: "Renamed" })).status).toBe(409);
    const studio = await api("GET", `/v1/studios/${w.studioId}`, { token: w.owner.accessToken });
    expect(studio.body).toMatchObject({ currency: "USD" });
    expect(studio.body.name).not.toBe("Renamed");
    expect((await getInvoice(w.owner, invoice.id)).body).toMatchObject({ currency: "USD", totalMinor: 10888, balanceDueMinor: 10888 });
    const account = await api("GET", `/v1/studios/${w.studioId}/billing-accounts/${w.familyId}`, { token: w.owner.accessToken });
    expect(account.body).toMatchObject({ currency: "USD", balanceMinor: 10888 });

    // Naming the currency it already has is no change, and other fields still change.
    const same = await patchStudio(w.owner, { currency: "usd", name: "Still dollars" });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({ currency: "USD", name: "Still dollars" });
  });

  it("counts a billing account or a fee plan as money on record", async () => {
    const withPlan = await ownerWithStudio({ currency: "GBP" });
    const plan = await api("POST", `/v1/studios/${withPlan.studio.id}/fee-plans`, {
      token: withPlan.accessToken,
      body: { name: "Monthly", kind: "monthly", amountMinor: 12000 },
    });
    expect(plan.status).toBe(201);
    const refused = await patchStudio(withPlan, { currency: "EUR" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("fee plans in GBP");

    const w = await billingWorld({ currency: "NZD" });
    const accountOnly = await patchStudio(w.owner, { currency: "AUD" });
    expect(accountOnly.status).toBe(409);
    expect(accountOnly.body.detail).toContain("billing accounts in NZD");
    await draftInvoice(w.owner, w.family);
    expect((await patchStudio(w.owner, { currency: "AUD" })).body.detail).toContain("invoices in NZD");
  });
});
