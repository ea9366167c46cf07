import { billingDb, openSecret, sealSecret } from "@studiosync/core/billing";
import { db } from "@studiosync/core/db";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { memberWithRole } from "./support/members";
import { auditActions, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const settingsPath = (owner: Owner) => `/v1/studios/${owner.studio.id}/billing-settings`;
const put = (owner: Owner, body: unknown, token = owner.accessToken) => api("PUT", settingsPath(owner), { token, body });
const stored = async (owner: Owner) => (await billingDb().entities.billingSettings.get({ studioId: owner.studio.id }).go({ consistent: true })).data;

const STRIPE = { publishableKey: "pk_test_51Harmony", secretKey: "sk_test_51HarmonySecretAbCd", webhookSecret: "whsec_localSigningSecret42" };

describe("billing settings", () => {
  it("shows the defaults until an admin changes them, keeps what a PUT leaves out and clears what it nulls", async () => {
    const owner = await ownerWithStudio({ currency: "GBP", timeZone: "Europe/London" });
    const first = await api("GET", settingsPath(owner), { token: owner.accessToken });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      currency: "GBP",
      taxRateMillipercent: 0,
      taxName: "Tax",
      paymentTermsDays: 14,
      defaultHourlyRateMinor: null,
      lateFee: null,
      dunning: { daysBefore: 3, onDueDate: true, daysAfter: [3, 7, 14] },
      paymentInstructions: null,
      invoiceFooter: null,
      autoRun: { enabled: false, dayOfMonth: 1, period: "previous_month" },
      stripe: { configured: false, publishableKey: null, secretKeyLast4: null },
      updatedAt: null,
    });

    const admin = await memberWithRole(owner, "admin");
    const changed = await put(
      owner,
      {
        taxRateMillipercent: 8875,
        taxName: "Sales tax",
        paymentTermsDays: 30,
        defaultHourlyRateMinor: 5000,
        lateFee: { kind: "percent", rateMillipercent: 2000, afterDays: 7 },
        dunning: { daysBefore: 0, onDueDate: false, daysAfter: [1, 10, 30] },
        paymentInstructions: "  Bank transfer to 12-34-56 87654321, reference your invoice number  ",
        invoiceFooter: "Thank you!",
      },
      admin.accessToken,
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      taxRateMillipercent: 8875,
      taxName: "Sales tax",
      paymentTermsDays: 30,
      defaultHourlyRateMinor: 5000,
      lateFee: { kind: "percent", rateMillipercent: 2000, afterDays: 7 },
      dunning: { daysBefore: 0, onDueDate: false, daysAfter: [1, 10, 30] },
      paymentInstructions: "Bank transfer to 12-34-56 87654321, reference your invoice number",
      invoiceFooter: "Thank you!",
    });
    expect(changed.body.updatedAt).toEqual(expect.any(String));
    // Stored as the code reads it: a percent late fee in thousandths of a percent.
    expect(await stored(owner)).toMatchObject({ lateFee: { kind: "percent", amount: 2000, afterDays: 7 }, updatedBy: admin.userId });

    // A second PUT changes only what it names; null clears; an empty text clears too.
    const second = await put(owner, {
      taxRateMillipercent: 20000,
      taxName: "VAT",
      lateFee: { kind: "fixed", amountMinor: 1500, afterDays: 14 },
      defaultHourlyRateMinor: null,
      invoiceFooter: "",
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({
      taxRateMillipercent: 20000,
      taxName: "VAT",
      paymentTermsDays: 30,
      defaultHourlyRateMinor: null,
      lateFee: { kind: "fixed", amountMinor: 1500, afterDays: 14 },
      dunning: { daysBefore: 0, onDueDate: false, daysAfter: [1, 10, 30] },
      invoiceFooter: null,
    });
    const third = await put(owner, { lateFee: null, paymentInstructions: null });
    expect(third.body).toMatchObject({ lateFee: null, paymentInstructions: null, taxRateMillipercent: 20000 });
    const record = await stored(owner);
    expect(record).not.toHaveProperty("lateFee");
    expect(record).not.toHaveProperty("defaultHourlyRateMinor");
    expect((await api("GET", settingsPath(owner), { token: owner.accessToken })).body).toEqual({ ...third.body, updatedAt: expect.any(String) });
    expect(await auditActions(owner.studio.id, "billingSettings", owner.studio.id)).toEqual([
      "billingSettings.updated",
      "billingSettings.updated",
      "billingSettings.updated",
    ]);
  });

  it("stores Stripe secrets encrypted, shows only the publishable key and the last four characters, and removes them on null", async () => {
    const owner = await ownerWithStudio();
    const res = await put(owner, { stripe: STRIPE });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.stripe).toEqual({ configured: true, publishableKey: STRIPE.publishableKey, secretKeyLast4: "AbCd" });
    expect(JSON.stringify(res.body)).not.toContain(STRIPE.secretKey);
    expect(JSON.stringify(res.body)).not.toContain(STRIPE.webhookSecret);

    const record = await stored(owner);
    const raw = JSON.stringify(record);
    expect(raw).not.toContain("HarmonySecret");
    expect(raw).not.toContain("localSigningSecret");
    expect(openSecret(record!.stripe!.secretKeyCipher, owner.studio.id)).toBe(STRIPE.secretKey);
    expect(openSecret(record!.stripe!.webhookSecretCipher, owner.studio.id)).toBe(STRIPE.webhookSecret);

    // Other settings change without touching the keys; the audit trail never holds a secret.
    const other = await put(owner, { paymentTermsDays: 7 });
    expect(other.body.stripe).toEqual({ configured: true, publishableKey: STRIPE.publishableKey, secretKeyLast4: "AbCd" });
    expect((await stored(owner))!.stripe!.secretKeyCipher).toBe(record!.stripe!.secretKeyCipher);
    const { data: events } = await db()
      .entities.auditEvent.query.auditByEntity({ studioId: owner.studio.id, entityType: "billingSettings", entityId: owner.studio.id })
      .go();
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(JSON.stringify(event)).not.toContain("HarmonySecret");
      expect(JSON.stringify(event)).not.toContain("localSigningSecret");
    }

    const removed = await put(owner, { stripe: null });
    expect(removed.body.stripe).toEqual({ configured: false, publishableKey: null, secretKeyLast4: null });
    expect(await stored(owner)).not.toHaveProperty("stripe");
  });

  it("seals each secret with a fresh IV and refuses altered or foreign ciphertext", () => {
    const a = sealSecret("sk_test_same", "studio-1");
    const b = sealSecret("sk_test_same", "studio-1");
    expect(a).not.toBe(b);
    expect(openSecret(a, "studio-1")).toBe("sk_test_same");
    expect(openSecret(b, "studio-1")).toBe("sk_test_same");
    const [version, kid, iv, body, tag] = a.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret([version, kid, iv, flipped.toString("base64url"), tag].join("."), "studio-1")).toThrow();
    expect(() => openSecret([version, kid, iv, body, Buffer.from(tag!, "base64url").subarray(0, 8).toString("base64url")].join("."), "studio-1")).toThrow();
    expect(() => openSecret("sk_test_plain", "studio-1")).toThrow();
  });

  it("keeps the monthly run's job index in step with autoRun", async () => {
    const owner = await ownerWithStudio();
    const on = await put(owner, { autoRun: { enabled: true, dayOfMonth: 5, period: "current_month" } });
    expect(on.body.autoRun).toEqual({ enabled: true, dayOfMonth: 5, period: "current_month" });
    expect((await stored(owner))!.autoRunDay).toBe("05");
    const { data } = await billingDb().entities.billingSettings.query.settingsByAutoRunDay({ autoRunDay: "05" }).go({ pages: "all" });
    expect(data.map((s) => s.studioId)).toContain(owner.studio.id);
    await put(owner, { autoRun: { enabled: false, dayOfMonth: 5, period: "current_month" } });
    expect((await stored(owner))!.autoRunDay).toBe("off");
  });

  it("names every bad field, and lets only the studio's admins read or change the settings", async () => {
    const owner = await ownerWithStudio();
    const bad = await put(owner, {
      taxRateMillipercent: 100_001,
      paymentTermsDays: 1.5,
      dunning: { daysBefore: 3, onDueDate: true, daysAfter: [7, 3, 400] },
      lateFee: { kind: "percent", amountMinor: 100, afterDays: 3 },
      autoRun: { enabled: true, dayOfMonth: 29, period: "previous_month" },
      stripe: { publishableKey: "sk_live_wrong", secretKey: "pk_live_wrong", webhookSecret: "secret" },
      currency: "EUR",
    });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(
      [
        "autoRun.dayOfMonth",
        "currency",
        "dunning.daysAfter",
        "dunning.daysAfter.2",
        "lateFee",
        "lateFee.rateMillipercent",
        "paymentTermsDays",
        "stripe.publishableKey",
        "stripe.secretKey",
        "stripe.webhookSecret",
        "taxRateMillipercent",
      ].sort(),
    );
    const tooMany = await put(owner, { dunning: { daysBefore: 0, onDueDate: true, daysAfter: [1, 2, 3, 4, 5, 6, 7] } });
    expect(tooMany.body.errors).toEqual([{ path: "dunning.daysAfter", message: "must have at most 6 entries" }]);
    const twice = await put(owner, { dunning: { daysBefore: 0, onDueDate: true, daysAfter: [3, 3] } });
    expect(twice.body.errors).toEqual([{ path: "dunning.daysAfter", message: "must be ascending with no day twice" }]);
    const kind = await put(owner, { lateFee: { kind: "daily", amountMinor: 1, afterDays: 1 } });
    expect(kind.body.errors).toEqual([{ path: "lateFee.kind", message: "must be fixed or percent" }]);
    expect(await stored(owner)).toBeNull();

    const teacher = await memberWithRole(owner, "teacher");
    const parent = await memberWithRole(owner, "parent");
    for (const member of [teacher, parent]) {
      expect((await api("GET", settingsPath(owner), { token: member.accessToken })).status).toBe(403);
      expect((await put(owner, { taxRateMillipercent: 1 }, member.accessToken)).status).toBe(403);
    }
    const other = await ownerWithStudio();
    expect((await api("GET", settingsPath(owner), { token: other.accessToken })).status).toBe(404);
    expect((await put(owner, { taxRateMillipercent: 1 }, other.accessToken)).status).toBe(404);
    expect((await api("GET", settingsPath(owner))).status).toBe(401);
    expect(await stored(owner)).toBeNull();
  });
});
