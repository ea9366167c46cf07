import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { AppType } from "@studiosync/functions";
import { awaitMail } from "@studiosync/local/testing";
import { hc } from "hono/client";
import { emailedLink, expectStatus, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { seriousViolations } from "./support/axe";
import { startSite, type Site } from "./support/site";

/**
 * The owner runs a month's billing from the browser: the billing run wizard drafts the family's
 * invoice from its lessons and fee plan, the owner reviews and sends it (the family gets the
 * email), records a cash payment (ledger and balance), refunds part of it, voids and reissues the
 * invoice; a teacher cannot open billing. Every billing page passes axe.
 */
let site: Site;
let studio: Awaited<ReturnType<typeof seedStudio>>;
let owner: ReturnType<typeof hc<AppType>>;
let ownerPage: Page;
let ownerContext: BrowserContext;
const MONTH = "2091-05";
const familyName = "The Weiss family";
const guardianEmail = uniqueOwner("guardian").email.toLowerCase();
const teacherEmail = uniqueOwner("teacher").email.toLowerCase();
let base: string;
let billing: string;

const client = (accessToken: string) => hc<AppType>(site.apiUrl, { headers: { authorization: `Bearer ${accessToken}` } });

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`${site.webUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), page.url()).toEqual([]);
}

/** A teacher with a piano student in the Weiss family on a 30.00-a-lesson plan, two lessons in May 2091. */
async function seedBilling() {
  const param = { studioId: studio.studioId };
  const teacher = await (
    await expectStatus(
      "teacher",
      owner.v1.studios[":studioId"].teachers.$post({
        param,
        json: { firstName: "Clara", lastName: "Teach", email: teacherEmail, hourlyRateMinor: 6000 },
      }),
      201,
    )
  ).json();
  const family = await (await expectStatus("family", owner.v1.studios[":studioId"].families.$post({ param, json: { name: familyName } }), 201)).json();
  await expectStatus(
    "guardian",
    owner.v1.studios[":studioId"].families[":familyId"].guardians.$post({
      param: { ...param, familyId: family.id },
      json: { firstName: "Maria", lastName: "Weiss", relationship: "mother", email: guardianEmail },
    }),
    201,
  );
  const student = await (
    await expectStatus(
      "student",
      owner.v1.studios[":studioId"].students.$post({
        param,
        json: { firstName: "Ana", lastName: "Weiss", primaryTeacherId: teacher.id, familyId: family.id },
      }),
      201,
    )
  ).json();
  const plan = await (
    await expectStatus(
      "fee plan",
      owner.v1.studios[":studioId"]["fee-plans"].$post({
        param,
        json: { name: "Weekly piano", kind: "per_lesson", amountMinor: 3000 },
      }),
      201,
    )
  ).json();
  await expectStatus(
    "enrol",
    owner.v1.studios[":studioId"]["fee-plans"][":feePlanId"].enrolments.$post({
      param: { ...param, feePlanId: plan.id },
      json: { studentId: student.id, startDate: `${MONTH}-01` },
    }),
    201,
  );
  for (const day of ["07", "14"]) {
    await expectStatus(
      "lesson",
      owner.v1.studios[":studioId"].lessons.$post({
        param,
        json: { teacherId: teacher.id, studentId: student.id, type: "private", scheduledStart: `${MONTH}-${day}T15:00:00.000Z`, durationMinutes: 30 },
      }),
      201,
    );
  }
  // The teacher signs up from their invitation, to check they cannot open billing.
  await expectStatus(
    "invite",
    owner.v1.studios[":studioId"].invitations.$post({
      param,
      header: {},
      json: { email: teacherEmail, role: "teacher", teacherId: teacher.id },
    }),
    201,
  );
  const token = new URL(await emailedLink(teacherEmail, "/invitations/accept")).searchParams.get("token")!;
  await expectStatus("accept", hc<AppType>(site.apiUrl).v1.public.invitations.accept.$post({ json: { token, name: "Clara Teach", password: PASSWORD } }), 200);
}

beforeAll(async () => {
  site = await startSite();
  studio = await seedStudio(site.apiUrl, "Riverside Music");
  const login = await expectStatus("login", hc<AppType>(site.apiUrl).v1.auth.login.$post({ json: { email: studio.email, password: PASSWORD } }), 200);
  owner = client((await login.json()).accessToken);
  await seedBilling();
  base = `/dashboard/studios/${studio.studioId}`;
  billing = `${site.webUrl}${base}/billing`;
  ownerContext = await site.browser.newContext();
  ownerContext.setDefaultTimeout(20_000); // a page under load can take more than 10 s to answer a POST
  ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, studio.email, `${base}/billing/runs/new`);
});

afterAll(async () => {
  await ownerContext?.close();
  await site?.stop();
});

// Each journey walks several pages with an axe run on each: more than the default 30 s on a busy machine.
describe("the owner bills a month from the browser", { timeout: 120_000 }, () => {
  let invoiceUrl: string;

  it("runs the billing wizard, reviews and edits the draft, and sends it: the family gets the invoice email", async () => {
    const page = ownerPage;
    await page.getByRole("heading", { name: "Bill a period" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(/^Month/).fill(MONTH);
    await page.getByRole("button", { name: "Draft invoices" }).click();
    await page.getByRole("heading", { name: "Billing for May 2091" }).waitFor();
    await page.getByText("1 new draft").waitFor();
    await expectAccessible(page);
    const row = page.getByRole("row", { name: new RegExp(familyName) });
    await expect(row.locator(".badge").textContent()).resolves.toBe("Draft");

    // Review: the two lessons at the plan's rate; add a line, with a typo first.
    await row.getByRole("link", { name: "Review draft" }).click();
    await page.getByRole("heading", { name: `Draft invoice for ${familyName}` }).waitFor();
    await expectAccessible(page);
    invoiceUrl = page.url().split("?")[0]!;
    await expect(page.locator(".totals").textContent()).resolves.toContain("£60.00");
    await page.getByLabel("New line: description").fill("Sheet music");
    await page.getByLabel("New line: unit price").fill("12.5O");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Please fix the following").waitFor();
    await expect(page.getByLabel("Line 3: description").inputValue()).resolves.toBe("Sheet music");
    await expect(page.locator("[id='field-lines.2.unitPriceMinor-error']").textContent()).resolves.toContain("in figures");
    await page.getByLabel("Line 3: unit price").fill("12.50");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Draft saved.").waitFor();
    await expect(page.locator(".totals").textContent()).resolves.toContain("£72.50");

    // Send from the run page: progress, nothing remaining.
    await page.goto(`${billing}/runs/${MONTH}-01_${MONTH}-31`);
    await page.getByRole("button", { name: "Send 1 invoice" }).click();
    await page.getByText("Sent 1 invoice.").waitFor();
    await page.getByText("1 of 1 invoice sent").waitFor();
    await expect(page.getByRole("button", { name: /^Send/ }).count()).resolves.toBe(0);
    await expectAccessible(page);
    const subject = await awaitMail(guardianEmail, (m) => (/INV-000001/.test(m.subject) || /INV-000001/.test(m.body.text ?? "") ? m.subject : undefined));
    expect(subject).toBeTruthy();
  });

  it("records a cash payment, shows the ledger and balance, and refunds part of it", async () => {
    const page = ownerPage;
    await page.goto(invoiceUrl);
    await page.getByRole("heading", { name: "Invoice INV-000001" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Record a payment" }).click();
    await page.getByRole("heading", { name: "Record a payment" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Amount (GBP)").fill("50.00");
    await page.getByLabel("Method").selectOption("cash");
    await page.getByRole("button", { name: "Record payment" }).click();
    await page.getByText("Payment recorded.").waitFor();
    await expectAccessible(page);
    const paymentUrl = page.url().split("?")[0]!;

    await page.getByRole("link", { name: "Account and ledger" }).click();
    await page.getByRole("heading", { name: familyName }).waitFor();
    await expect(page.locator(".stat").first().textContent()).resolves.toContain("£22.50");
    const ledger = page.locator("table.ledger");
    await expect(ledger.textContent()).resolves.toMatch(/Invoice:.*\+£72\.50.*£72\.50/s);
    await expect(ledger.textContent()).resolves.toMatch(/Payment:.*−£50\.00.*£22\.50/s);
    await expectAccessible(page);

    await page.goto(paymentUrl);
    await page.getByLabel("Amount (GBP)").fill("10.00");
    await page.getByLabel("Reason").fill("Paid too much");
    await page.getByRole("button", { name: "Record refund" }).click();
    await page.getByText("Refund recorded.").waitFor();
    await expect(page.getByRole("row", { name: /Paid too much/ }).textContent()).resolves.toContain("£10.00");
    await page.goto(`${billing}/accounts`);
    await expect(page.getByRole("row", { name: new RegExp(familyName) }).textContent()).resolves.toContain("£32.50");
    await expectAccessible(page);
    await page.goto(`${billing}/payments`);
    await page.getByText("Partly refunded").waitFor();
    await expectAccessible(page);
    await page.goto(billing);
    await expect(page.locator(".stats").textContent()).resolves.toContain("£32.50");
    await page.getByRole("img", { name: /Money received by month/ }).waitFor();
    await expectAccessible(page);
  });

  it("credits part of the invoice, then voids it and reissues it as a new draft", async () => {
    const page = ownerPage;
    await page.goto(invoiceUrl);
    await page.getByRole("link", { name: "Add a credit note" }).click();
    await page.getByRole("heading", { name: "Credit note on INV-000001" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Amount (GBP)").fill("2.50");
    await page.getByLabel("Reason").fill("Late start");
    await page.getByRole("button", { name: "Add credit note" }).click();
    await page.getByText("Credit note added.").waitFor();
    await expect(page.locator(".totals").textContent()).resolves.toMatch(/Credited.*£2\.50.*Still owed.*£30\.00/s);

    await page.getByRole("link", { name: "Void", exact: true }).click();
    await page.getByRole("heading", { name: "Void invoice INV-000001" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Reason").fill("Wrong lesson count");
    await page.getByRole("button", { name: "Void invoice INV-000001" }).click();
    await page.getByText("The old invoice is void and this new draft copies it.").waitFor();
    await expect(page.getByLabel("Line 3: description").inputValue()).resolves.toBe("Sheet music");
    await page.goto(invoiceUrl);
    await expect(page.locator(".page-header .badge").textContent()).resolves.toBe("Void");
    await page.getByRole("link", { name: "the new invoice" }).waitFor();
    await page.goto(`${billing}/invoices?status=void`);
    await page.getByRole("link", { name: "INV-000001" }).waitFor();
    await expectAccessible(page);
  });

  it("adds a fee plan and enrols a student, drafts an invoice by hand, and sets billing settings", async () => {
    const page = ownerPage;
    await page.goto(`${billing}/fee-plans`);
    await expectAccessible(page);
    await page.getByLabel("Name").fill("Monthly violin");
    await page.getByLabel("Kind").selectOption("monthly");
    await page.getByLabel("Price (GBP)").fill("120");
    await page.getByRole("button", { name: "Add fee plan" }).click();
    await page.getByText("Fee plan added.").waitFor();
    await page.getByLabel("Student", { exact: true }).selectOption({ label: "Ana Weiss" });
    await page.getByRole("button", { name: "Enrol student" }).click();
    await page.getByText("Student enrolled.").waitFor();
    await page.getByRole("row", { name: /Ana Weiss/ }).waitFor();
    await expectAccessible(page);

    await page.goto(`${billing}/invoices/new`);
    await expectAccessible(page);
    await page.getByLabel("Bill to").selectOption({ label: `${familyName} (Family)` });
    await page.getByLabel("Line 1: description").fill("Exam entry fee");
    await page.getByLabel("Line 1: unit price").fill("45");
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.getByText("Draft created.").waitFor();
    await page.getByRole("link", { name: "Delete draft" }).click();
    await page.getByRole("heading", { name: "Delete this draft?" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Delete draft" }).click();
    await page.getByText("Draft deleted.").waitFor();
    await expectAccessible(page);

    await page.goto(`${billing}/settings`);
    await page.getByText("Not set").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Tax rate (%)").fill("20");
    await page.getByRole("button", { name: "Save billing settings" }).click();
    await page.getByText("Billing settings saved.").waitFor();
    await expect(page.getByLabel("Tax rate (%)").inputValue()).resolves.toBe("20");
    await page.getByLabel("Publishable key").fill("pk_test_abc");
    await page.getByLabel("Secret key").fill("sk_test_secret1234");
    await page.getByLabel("Webhook signing secret").fill("whsec_abc");
    await page.getByRole("button", { name: "Save Stripe keys" }).click();
    await page.getByText("Stripe keys saved.").waitFor();
    expect(await page.content()).not.toContain("sk_test_secret1234");
    await page.getByText("Secret key ending 1234").waitFor();
    await page.goto(`${billing}/runs`);
    await expectAccessible(page);
  });
});

describe("a teacher", { timeout: 120_000 }, () => {
  it("has no billing link and gets 403 on billing pages", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await signIn(page, teacherEmail, base);
    await expect(page.getByRole("link", { name: "Billing" }).count()).resolves.toBe(0);
    for (const path of ["/billing", "/billing/invoices", "/billing/runs/new", "/billing/settings"]) {
      expect((await page.goto(`${site.webUrl}${base}${path}`))?.status(), path).toBe(403);
    }
    await context.close();
  });
});
