import { readMail } from "@studiosync/local/testing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTRUCTIONS, sentInvoice } from "./support/invoice";
import { startSite, type Site } from "./support/site";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const studioWithSentInvoice = (options: { stripe: boolean }) => sentInvoice(site.apiUrl, options);

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext();
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

const cellsOf = (page: Page) =>
  page.locator("table.lines tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent?.trim())));
const totalsOf = (page: Page) =>
  page
    .locator(".totals > div")
    .evaluateAll((rows) => Object.fromEntries(rows.map((row) => [row.querySelector("dt")?.textContent?.trim(), row.querySelector("dd")?.textContent?.trim()])));

describe("the invoice page a family opens from the invoice email", () => {
  it("shows the lines and balance, pays by card on the Stripe page, comes back Paid, and emails a receipt", async () => {
    const { studio, invoice, link, guardianEmail } = await studioWithSentInvoice({ stripe: true });
    expect(invoice.totalMinor).toBe(17498);
    expect(link.startsWith(`${site.webUrl}/${studio.slug}/invoices/`)).toBe(true);

    const { context, page } = await newPage();
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()["cache-control"]).toBe("private, no-store");
    await page.getByRole("heading", { name: `Invoice ${invoice.number}` }).waitFor();
    await expect(page.title()).resolves.toContain("Harbour Strings");
    await expect(page.locator(".status").textContent()).resolves.toBe("Due");
    await expect(page.getByRole("img", { name: "Harbour Strings logo" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("The Okafor family").isVisible()).resolves.toBe(true);
    await expect(cellsOf(page)).resolves.toEqual([
      ["Violin lesson (30 min)", "4", "£33.33", "£133.32"],
      ["Rosin and strings", "1", "£12.50", "£12.50"],
    ]);
    await expect(totalsOf(page)).resolves.toEqual({ Subtotal: "£145.82", "VAT (20 %)": "£29.16", Total: "£174.98", "Balance due": "£174.98" });
    await expect(page.getByText("Or pay another way").isVisible()).resolves.toBe(true);

    // Pay → the emulator's Stripe Checkout page for the balance → pay → back on the invoice page.
    await page.getByRole("button", { name: "Pay £174.98 by card" }).click();
    await page.waitForURL(`${process.env.STRIPE_API_BASE}/checkout/**`);
    await page.getByRole("heading", { name: "Pay £174.98" }).waitFor();
    await expect(page.getByText(`Invoice ${invoice.number}`).isVisible()).resolves.toBe(true);
    await page.getByRole("button", { name: "Pay £174.98" }).click();
    await page.waitForURL(`${link}?paid=1`);
    await page.getByText("Thank you — your payment was received.").waitFor();
    await expect(page.locator(".status").textContent()).resolves.toBe("Paid");
    await expect(totalsOf(page)).resolves.toMatchObject({ Total: "£174.98", Paid: "−£174.98", "Balance due": "£0.00" });
    await expect(page.getByRole("button", { name: /Pay .* by card/ }).count()).resolves.toBe(0);

    const [receipt, ...more] = await readMail(guardianEmail, { subject: "Receipt:" });
    expect(more).toHaveLength(0);
    expect(receipt!.subject).toContain("£174.98");

    // Opening the link later still shows it paid, without the thank-you.
    await page.goto(link);
    await expect(page.locator(".status").textContent()).resolves.toBe("Paid");
    await expect(page.getByText("Paid in full.").isVisible()).resolves.toBe(true);
    await expect(page.getByText("Thank you — your payment was received.").count()).resolves.toBe(0);
    await context.close();
  });

  it("saves a card for automatic payments on the Stripe page, shows it, and turns it off", async () => {
    const { link } = await studioWithSentInvoice({ stripe: true });
    const { context, page } = await newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: "Automatic payments" }).waitFor();
    await page.getByRole("button", { name: "Save a card for automatic payments" }).click();
    await page.waitForURL(`${process.env.STRIPE_API_BASE}/checkout/**`);
    await page.getByRole("heading", { name: "Save a card" }).waitFor();
    await page.getByText("4000 0000 0000 0341").click();
    await page.getByRole("button", { name: "Save card" }).click();
    await page.waitForURL(`${link}?card-saved=1`);
    await page.getByText("Your card is saved").waitFor();
    await expect(page.locator(".autopay strong").textContent()).resolves.toBe("Visa •••• 0341");
    await page.getByRole("button", { name: "Turn off automatic payments" }).click();
    await page.getByText("Automatic payments are off").waitFor();
    await expect(page.getByRole("button", { name: "Save a card for automatic payments" }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("prints as a plain invoice: no site navigation, no pay form, the lines and totals kept", async () => {
    const { link } = await studioWithSentInvoice({ stripe: true });
    const { context, page } = await newPage();
    await page.goto(link);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".site-footer").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("button", { name: /Pay .* by card/ }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).resolves.toBe(false);
    await expect(page.locator("table.lines").isVisible()).resolves.toBe(true);
    await expect(page.getByText("Balance due").isVisible()).resolves.toBe(true);
    await expect(page.getByText(INSTRUCTIONS).isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await context.close();
  });

  it("shows the studio's payment instructions and no Pay button when the studio has no Stripe keys", async () => {
    const { studio, invoice, link } = await studioWithSentInvoice({ stripe: false });
    const { context, page } = await newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: `Invoice ${invoice.number}` }).waitFor();
    await page.getByRole("heading", { name: "How to pay" }).waitFor();
    await expect(page.getByText(INSTRUCTIONS).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: /^Pay/ }).count()).resolves.toBe(0);
    await expect(page.locator("form[method=post]").count()).resolves.toBe(0);
    await expect(totalsOf(page)).resolves.toMatchObject({ "Balance due": "£174.98" });

    // The link keeps working under another studio address (a studio that renamed its slug): it goes to the right one.
    await page.goto(link.replace(`/${studio.slug}/`, "/an-old-address/"));
    expect(page.url()).toBe(link);
    await page.getByRole("heading", { name: `Invoice ${invoice.number}` }).waitFor();
    await context.close();
  });

  it("explains an expired or altered link with a 404 and names the studio to ask", async () => {
    const { studio, link } = await studioWithSentInvoice({ stripe: false });
    const token = link.split("/").pop()!;
    const altered = `${link.slice(0, -token.length)}${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const { context, page } = await newPage();
    const res = await page.goto(altered);
    expect(res?.status()).toBe(404);
    await page.getByText("This link has expired or is invalid.").waitFor();
    await expect(page.getByText(`Ask ${studio.studioName} to send you a new link`).isVisible()).resolves.toBe(true);
    await expect(page.locator("table.lines").count()).resolves.toBe(0);
    await context.close();
  });
});
