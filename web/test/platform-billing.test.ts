import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { meteringDb, shiftMonth, usageMonthOf } from "@studiosync/core/metering";
import { closeStudioMonth, runPlatformBilling } from "@studiosync/core/platform-billing";
import { extractLink, readMail } from "@studiosync/local/testing";
import { monthLabel } from "../src/lib/usage";
import { BrowserSessions, signInApi } from "./support/browser-sessions";
import { acceptInvitation, expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * StudioSync's bill to the studio (Settings → Usage and billing): last month's usage (60 active
 * students, 1,500 emails) is invoiced by the billing job and the owner reads it on the usage page
 * and at the address the "Payment needed" email links to; paying without a card says to add one;
 * the owner adds a card on Stripe's page (the emulator), comes back to "Card saved … paid" and the
 * invoice paid, and sets a spending cap in dollars. An admin reads the invoices and the cap but has
 * no card, pay or cap form. An invoice unpaid past its grace period shows the studio paused until
 * the owner pays it with the saved card.
 */
const ZONE = "Europe/London";
let site: Site;
let sessions: BrowserSessions;
let ownerEmail = "";
let adminEmail = "";
let base = "";
let studioId = "";
/** A closed month in the studio's zone (the month before this one): the job invoices it now. */
const month = shiftMonth(usageMonthOf(new Date(), ZONE), -1);
const monthWords = monthLabel(month);
/** (60 − 5 free) × $1.50 + (1,500 − 500 free) emails × $1.00 per 1,000 = $82.50 + $1.00. */
const TOTAL = /83\.50/;

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Riverside Music");
  ownerEmail = studio.email;
  studioId = studio.studioId;
  base = `/dashboard/studios/${studioId}`;
  const owner = await signInApi(site.apiUrl, ownerEmail);
  adminEmail = uniqueOwner("billing-admin").email;
  await expectStatus(
    "invite admin",
    owner.v1.studios[":studioId"].invitations.$post({ param: { studioId }, header: {}, json: { email: adminEmail, role: "admin" } }),
    201,
  );
  await acceptInvitation(site.apiUrl, adminEmail, "Adam Admin");

  await meteringDb().entities.usageMonth.upsert({ studioId, month, activeStudents: 60, emailsSent: 1500 }).go();
  await runPlatformBilling(new Date());
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("StudioSync's bill to the studio", { timeout: 180_000 }, () => {
  it("the owner reads the open invoice, saves a card that pays it, and sets a spending cap", async () => {
    const page = await sessions.signIn(ownerEmail, `${base}/settings/usage`);
    const invoices = page.getByRole("region", { name: "The studio's StudioSync invoices" });
    const row = invoices.getByRole("row", { name: new RegExp(monthWords) });
    await row.getByText("Open").waitFor();
    await row.getByText(TOTAL).waitFor();
    await row.getByText(/^SS-\d{6}-/).waitFor();
    await page.getByText("No card saved.").waitFor();
    await page.getByRole("button", { name: "Add card" }).waitFor();
    await sessions.expectAccessible(page);

    // The "Payment needed" email links to the invoice's page.
    const [needed] = await readMail(ownerEmail, { subject: "Payment needed" });
    const link = extractLink(needed!.body.text ?? needed!.body.html ?? "", `${base}/settings/usage/invoices/`);
    expect(new URL(link).pathname).toBe(`${base}/settings/usage/invoices/${month}`);
    await page.goto(link);
    await page.getByRole("heading", { name: `Invoice for ${monthWords}`, level: 1 }).waitFor();
    const lines = page.getByRole("region", { name: "The invoice's lines" });
    await lines
      .getByRole("row", { name: /Active students/ })
      .getByText(/82\.50/)
      .waitFor();
    await lines
      .getByRole("row", { name: /^Total/ })
      .getByText(TOTAL)
      .waitFor();
    await page.getByRole("region", { name: "The charges tried" }).getByText("No card saved").waitFor();
    await page.getByText(/price 2026-01/).waitFor();
    await sessions.expectAccessible(page);

    // Paying with no card saved says what to do.
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === new URL(link).pathname);
    await page.getByRole("button", { name: /^Pay .*83\.50 now$/ }).click();
    expect((await refused).status()).toBe(409);
    await page.getByText("No card is saved. Add a card on the Usage and billing page: it pays the open invoices at once.").waitFor();
    await Promise.all([page.waitForURL((url) => url.pathname === `${base}/settings/usage`), page.getByRole("link", { name: "Add a card" }).click()]);
    await page.getByText("No card saved.").waitFor();

    // Stripe's page (the emulator): the Visa that works.
    await Promise.all([page.waitForURL((url) => url.pathname.startsWith("/checkout/")), page.getByRole("button", { name: "Add card" }).click()]);
    await page.getByRole("heading", { name: "Save a card" }).waitFor();
    await page.getByRole("radio", { name: /4242/ }).check();
    await Promise.all([page.waitForURL((url) => url.pathname === `${base}/settings/usage`), page.getByRole("button", { name: "Save card" }).click()]);
    await page.getByText(`Card saved: Visa •••• 4242. ${monthWords} paid.`).waitFor();
    const paid = invoices.getByRole("row", { name: new RegExp(monthWords) });
    await paid.getByText("Paid", { exact: true }).waitFor();
    await paid.getByText("Visa •••• 4242").waitFor();
    await page.getByRole("region", { name: "Card", exact: true }).getByText("Visa •••• 4242").waitFor();
    await page.getByRole("button", { name: "Replace card" }).waitFor();
    await sessions.expectAccessible(page);

    await paid.getByRole("link", { name: monthWords }).click();
    await page.getByRole("heading", { name: `Invoice for ${monthWords}`, level: 1 }).waitFor();
    await page.getByRole("region", { name: "The charges tried" }).getByText("Visa •••• 4242").waitFor();
    await expect(page.getByRole("button", { name: /^Pay / }).count()).resolves.toBe(0);
    await page.getByRole("link", { name: "← Usage and billing" }).click();

    // The spending cap, typed in dollars: a wrong amount is refused under the field, 100.00 is kept.
    const cap = page.getByLabel("Monthly spending cap (US dollars)");
    await page.getByText("No spending cap.").waitFor();
    await cap.fill("0.50");
    await page.getByRole("button", { name: "Set cap" }).click();
    await page.getByRole("link", { name: /^Monthly spending cap \(US dollars\): Enter the most StudioSync/ }).waitFor();
    await expect(page.getByLabel("Monthly spending cap (US dollars)").inputValue()).resolves.toBe("0.50");
    await page.getByLabel("Monthly spending cap (US dollars)").fill("100.00");
    await page.getByRole("button", { name: "Set cap" }).click();
    await page.getByText(/^Spending cap saved: .*100\.00 a month\./).waitFor();
    expect(new URL(page.url()).search).toBe("?done=cap-set");
    await page.getByText(/^Cap: .*100\.00 a month\.$/).waitFor();
    await expect(page.getByLabel("Monthly spending cap (US dollars)").inputValue()).resolves.toBe("100.00");
    await sessions.expectAccessible(page);
  });

  it("an admin reads the invoices and the cap, with no card, pay or cap form", async () => {
    const page = await sessions.signIn(adminEmail, `${base}/settings/usage`);
    const row = page.getByRole("region", { name: "The studio's StudioSync invoices" }).getByRole("row", { name: new RegExp(monthWords) });
    await row.getByText(TOTAL).waitFor();
    await page.getByText("Only the studio's owner sees and changes the card StudioSync charges, and pays its invoices.").waitFor();
    await page.getByText(/^Cap: .*100\.00 a month\.$/).waitFor();
    for (const name of ["Add card", "Replace card", "Remove card", "Set cap", "Save cap"]) {
      await expect(page.getByRole("button", { name }).count(), name).resolves.toBe(0);
    }
    await expect(page.getByLabel("Monthly spending cap (US dollars)").count()).resolves.toBe(0);
    await sessions.expectAccessible(page);

    await row.getByRole("link", { name: monthWords }).click();
    await page.getByRole("heading", { name: `Invoice for ${monthWords}`, level: 1 }).waitFor();
    await expect(page.getByRole("button", { name: /^Pay / }).count()).resolves.toBe(0);

    const answer = await page.goto(`${site.webUrl}${base}/settings/usage/card?session=cs_test_nothing`);
    expect(answer?.status()).toBe(403);
  });

  it("an invoice unpaid past its grace period says the studio is paused, until the owner pays it now", async () => {
    // The month before: invoiced 20 days ago, so its 14 days of grace are over.
    const earlier = shiftMonth(month, -1);
    await meteringDb().entities.usageMonth.upsert({ studioId, month: earlier, activeStudents: 10 }).go();
    await closeStudioMonth(studioId, earlier, new Date(Date.now() - 20 * 86_400_000));
    const earlierWords = monthLabel(earlier);

    const page = await sessions.signIn(ownerEmail, `${base}/settings/usage`);
    await page.getByText("Riverside Music is paused: its StudioSync invoice is unpaid.").waitFor();
    const row = page.getByRole("region", { name: "The studio's StudioSync invoices" }).getByRole("row", { name: new RegExp(earlierWords) });
    await row.getByText("Overdue").waitFor();
    await sessions.expectAccessible(page);

    await row.getByRole("link", { name: earlierWords }).click();
    await page.getByRole("heading", { name: `Invoice for ${earlierWords}`, level: 1 }).waitFor();
    await page.getByText(/This invoice was due by .*: the studio's workspace is read-only until it is paid\./).waitFor();
    await page.getByRole("button", { name: /^Pay .*7\.50 now$/ }).click();
    await page.getByText(/^Paid: .*7\.50 charged to Visa •••• 4242\. Thank you\.$/).waitFor();
    expect(new URL(page.url()).search).toBe("?done=paid");
    await expect(page.getByText("Riverside Music is paused: its StudioSync invoice is unpaid.").count()).resolves.toBe(0);
    await sessions.expectAccessible(page);
  });
});
