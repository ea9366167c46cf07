import { meteringDb, BYTES_PER_GB, usageMonthOf } from "@studiosync/core/metering";
import { platformBillingDb } from "@studiosync/core/platform-billing";
import { readMail } from "@studiosync/local/testing";
import { describe, expect, it } from "vitest";
import { billStudios } from "../src/modules/hosting/jobs/bill-studios";
import { api, ownerWithStudio } from "./support/api";
import { addStudent, auditActions } from "./support/people";
import { saveTestCard } from "./support/platform-card";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const DAY = 86_400_000;
/** A closed month: the studios are billed for it now. */
const MONTH = "2026-10";

const writeUsage = (studioId: string, month: string, counts: Record<string, number>) =>
  meteringDb()
    .entities.usageMonth.upsert({ studioId, month, ...counts })
    .go();
const studio = (owner: Owner, path = "") => `/v1/studios/${owner.studio.id}${path}`;
const get = (owner: Owner, path: string) => api("GET", studio(owner, path), { token: owner.accessToken });
const post = (owner: Owner, path: string, body?: unknown) => api("POST", studio(owner, path), { token: owner.accessToken, ...(body ? { body } : {}) });

/** Saves a card as the owner would: the setup page at Stripe (the emulator), a test card chosen, back to the workspace. */
const saveCard = (owner: Owner, cardNumber: string) => saveTestCard(owner.studio.id, owner.accessToken, cardNumber);

describe("billing studios for their usage", () => {
  it("invoices a closed month once at the price in force, charges the card on the ladder, pauses after the grace period and unpauses on payment", async () => {
    const owner = await ownerWithStudio({ timeZone: "America/New_York" });
    const free = await ownerWithStudio();
    // The typical studio's month: 60 students, 240 lessons, 1,500 emails, 2 GB all month.
    await writeUsage(owner.studio.id, MONTH, { activeStudents: 60, lessonsHeld: 240, emailsSent: 1500, storageByteDays: 2 * BYTES_PER_GB * 31 });
    await writeUsage(free.studio.id, MONTH, { activeStudents: 3, emailsSent: 40 });

    const now = Date.now();
    await billStudios(() => new Date(now))();
    await billStudios(() => new Date(now))();

    const invoices = await get(owner, "/platform-invoices");
    expect(invoices.body.items).toHaveLength(1);
    const [invoice] = invoices.body.items;
    // (60 − 5) × $1.50 + 1,000 emails × $1.00/1,000 + 1 GB-month × $0.10.
    expect(invoice).toMatchObject({ month: MONTH, status: "open", totalMinor: 8_250 + 100 + 10, priceVersion: "2026-01", currency: "USD" });
    expect(invoice.usage).toEqual({ activeStudents: 60, lessonsHeld: 240, emailsSent: 1500, storageGbMonths: 2 });
    expect(invoice.price).toMatchObject({ version: "2026-01", perActiveStudentMinor: 150 });
    expect(invoice.attempts).toEqual([expect.objectContaining({ outcome: "no_card" })]);
    const [needed] = await readMail(owner.email, { subject: "Payment needed" });
    expect(needed!.body.text).toContain("$83.60");
    expect(needed!.body.text).toContain(`/dashboard/studios/${owner.studio.id}/settings/usage/invoices/${MONTH}`);

    const freeInvoices = (await get(free, "/platform-invoices")).body.items;
    expect(freeInvoices).toEqual([expect.objectContaining({ month: MONTH, status: "paid", totalMinor: 0 })]);

    // The ladder: 3 and 7 days on, then the day after the grace period pauses the studio.
    await billStudios(() => new Date(now + 3 * DAY))();
    await billStudios(() => new Date(now + 7 * DAY))();
    expect((await get(owner, "/students")).status).toBe(200);
    await billStudios(() => new Date(now + 15 * DAY))();
    await billStudios(() => new Date(now + 15 * DAY))();
    const unpaid = (await get(owner, `/platform-invoices/${MONTH}`)).body;
    expect(unpaid.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(["no_card", "no_card", "no_card", "no_card"]);
    expect(unpaid.nextChargeOn).toBeNull();
    await readMail(owner.email, { subject: "is paused on StudioSync" });
    const refused = await post(owner, "/students", { firstName: "Not", lastName: "Now" });
    expect([refused.status, refused.body.code]).toEqual([403, "studio.paused"]);
    expect((await get(owner, "/students")).status).toBe(200);
    expect(await auditActions(owner.studio.id, "studio", owner.studio.id)).toContain("studio.paused");

    // A card that is declined: still paused, and paying now says why.
    const declined = await saveCard(owner, "4000000000000341");
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ card: { brand: "visa", last4: "0341" }, charged: [{ month: MONTH, outcome: "declined" }] });
    const payNow = await post(owner, `/platform-invoices/${MONTH}/pay`);
    expect([payNow.status, payNow.body.code]).toEqual([409, "platform_invoice.card_declined"]);
    expect((await post(owner, "/students", { firstName: "Still", lastName: "Paused" })).status).toBe(403);

    // A good card: paid at once, receipt, unpaused.
    const good = await saveCard(owner, "4242424242424242");
    expect(good.body).toMatchObject({ card: { last4: "4242" }, charged: [{ month: MONTH, outcome: "paid" }] });
    const paid = (await get(owner, `/platform-invoices/${MONTH}`)).body;
    expect(paid).toMatchObject({ status: "paid", paidWith: "Visa •••• 4242", nextChargeOn: null });
    const [receipt] = await readMail(owner.email, { subject: "Receipt: $83.60" });
    expect(receipt!.body.text).toContain("Visa •••• 4242");
    await addStudent(owner);
    expect((await post(owner, `/platform-invoices/${MONTH}/pay`)).body.code).toBe("platform_invoice.paid");
    expect((await get(owner, "/payment-methods")).body.items).toEqual([expect.objectContaining({ brand: "visa", last4: "4242" })]);
    // Paid once: the ladder's next run charges nothing.
    await billStudios(() => new Date(now + 16 * DAY))();
    expect((await get(owner, `/platform-invoices/${MONTH}`)).body.attempts).toHaveLength(7);
  });

  it("alerts the owners at 80 % and 100 % of the spending cap, once each a month", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/Paris" });
    const invalid = await api("PUT", studio(owner, "/usage/spending-cap"), { token: owner.accessToken, body: { capMinor: 12.5 } });
    expect([invalid.status, invalid.body.errors?.[0]?.path]).toEqual([422, "capMinor"]);
    const cap = await api("PUT", studio(owner, "/usage/spending-cap"), { token: owner.accessToken, body: { capMinor: 10_000 } });
    expect(cap.body).toEqual({ capMinor: 10_000, alertedMonth: null, alertedLevel: null });
    const now = new Date();
    const month = usageMonthOf(now, "Europe/Paris");
    await writeUsage(owner.studio.id, month, { activeStudents: 60 });
    await billStudios(() => now)();
    await billStudios(() => now)();
    const [eighty] = await readMail(owner.email, { subject: "80% of its StudioSync spending cap" });
    expect(eighty!.body.text).toContain("$82.50");
    await writeUsage(owner.studio.id, month, { activeStudents: 75 });
    await billStudios(() => now)();
    await readMail(owner.email, { subject: "100% of its StudioSync spending cap" });
    expect((await readMail(owner.email, { subject: "spending cap", count: 2 })).length).toBe(2);
    expect((await get(owner, "/usage/spending-cap")).body).toEqual({ capMinor: 10_000, alertedMonth: month, alertedLevel: 100 });
    const { data: account } = await platformBillingDb().entities.platformAccount.get({ studioId: owner.studio.id }).go();
    expect(account?.capShard).toBe("cap");
    const cleared = await api("PUT", studio(owner, "/usage/spending-cap"), { token: owner.accessToken, body: { capMinor: null } });
    expect(cleared.body.capMinor).toBeNull();
  });
});
