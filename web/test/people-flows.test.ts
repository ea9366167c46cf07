import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { AppType } from "@studiosync/functions";
import { hc } from "hono/client";
import { emailedLink, expectStatus, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { startSite, type Site } from "./support/site";

let site: Site;
let studio: Awaited<ReturnType<typeof seedStudio>>;
let owner: ReturnType<typeof ownerClient>;

const ownerClient = (apiUrl: string, accessToken: string) => hc<AppType>(apiUrl, { headers: { authorization: `Bearer ${accessToken}` } });

async function signInApi(email: string) {
  const login = await expectStatus("login", hc<AppType>(site.apiUrl).v1.auth.login.$post({ json: { email, password: PASSWORD } }), 200);
  return ownerClient(site.apiUrl, (await login.json()).accessToken);
}

beforeAll(async () => {
  site = await startSite();
  studio = await seedStudio(site.apiUrl, "Riverside Music");
  owner = await signInApi(studio.email);
});

afterAll(async () => {
  await site?.stop();
});

/** A fresh browser per journey: no cookies carried over from another. */
async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext();
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

async function invite(email: string, role: "admin" | "teacher", teacherId?: string) {
  const res = await expectStatus(
    "invite",
    owner.v1.studios[":studioId"].invitations.$post({
      param: { studioId: studio.studioId },
      header: {},
      json: { email, role, ...(teacherId ? { teacherId } : {}) },
    }),
    201,
  );
  return res.json();
}

const submit = (page: Page, button: string) =>
  Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: button }).click()]).then(([r]) => r);

describe("an invited teacher accepts from the emailed link", () => {
  const teacher = { name: "Tom Teacher", email: uniqueOwner("teacher").email };

  it("creates the account from the invitation and lands on the studio's Today page", async () => {
    const created = await expectStatus(
      "create teacher",
      owner.v1.studios[":studioId"].teachers.$post({
        param: { studioId: studio.studioId },
        json: { firstName: "Tom", lastName: "Teacher", email: teacher.email },
      }),
      201,
    );
    await invite(teacher.email, "teacher", (await created.json()).id);

    const link = await emailedLink(teacher.email, "/invitations/accept");
    expect(link.startsWith(`${site.webUrl}/invitations/accept?token=`)).toBe(true);
    const { context, page } = await newPage();
    await page.goto(link);
    await page.goto(link); // a second GET (a mail scanner's prefetch) must not use the invitation up
    await page.getByRole("heading", { name: `Join ${studio.studioName}` }).waitFor();
    await expect(page.getByText(teacher.email).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText("as a teacher").isVisible()).resolves.toBe(true);

    // The API's field errors show next to their fields; the name is kept.
    await page.getByLabel("Your name").fill(teacher.name);
    await page.getByLabel("Password").fill("too short");
    expect((await submit(page, "Create account and join")).status()).toBe(422);
    await expect(page.locator("#field-password-error").textContent()).resolves.toContain("at least 10 characters");
    await expect(page.getByLabel("Password").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Your name").inputValue()).resolves.toBe(teacher.name);

    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account and join" }).click();
    await page.waitForURL(`${site.webUrl}/dashboard/studios/${studio.studioId}`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Today");
    await expect(page.locator(".ws-studio").textContent()).resolves.toBe(studio.studioName);
    await expect(page.locator(".ws-role").textContent()).resolves.toBe("Teacher");
    expect((await context.cookies(site.webUrl)).map((c) => c.name)).toContain("ss_refresh");

    // The link is single use: opening it again explains, with no form.
    const reopened = await page.goto(link);
    expect(reopened?.status()).toBe(400);
    await page.getByText("This invitation has already been used.").waitFor();
    await expect(page.locator("form[method=post] input[name=token]").count()).resolves.toBe(0);
    await context.close();
  });

  it("adds the studio to an existing account with one button, then asks to sign in", async () => {
    const other = await seedStudio(site.apiUrl, "Other Studio");
    await invite(other.email, "admin");
    const { context, page } = await newPage();
    await page.goto(await emailedLink(other.email, "/invitations/accept"));
    await expect(page.getByLabel("Password").count()).resolves.toBe(0);
    await page.getByRole("button", { name: `Join ${studio.studioName}` }).click();
    await page.getByText(`${studio.studioName} is now on your account.`).waitFor();
    await page.getByRole("link", { name: "Sign in" }).last().click();
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("explains a withdrawn invitation instead of showing a form", async () => {
    const email = uniqueOwner("withdrawn").email;
    const invitation = await invite(email, "admin");
    await expectStatus(
      "revoke",
      owner.v1.studios[":studioId"].invitations[":invitationId"].revoke.$post({
        param: { studioId: studio.studioId, invitationId: invitation.id },
      }),
      200,
    );
    const { context, page } = await newPage();
    await page.goto(await emailedLink(email, "/invitations/accept"));
    await page.getByText("This invitation was withdrawn by the studio.").waitFor();
    await expect(page.getByRole("button", { name: /join/i }).count()).resolves.toBe(0);
    await context.close();
  });
});

describe("a visitor asks to join from the studio's public page", () => {
  it("sends the request, showing field errors first, and the owner sees it", async () => {
    const visitor = { email: uniqueOwner("visitor").email, message: "Grade 3 piano, weekday evenings." };
    const { context, page } = await newPage();
    await page.goto(`${site.webUrl}/${studio.slug}`);
    await page.getByRole("heading", { name: "Ask to join" }).waitFor();
    await page.getByLabel("First name").fill("Vera");
    await page.getByLabel("Last name").fill("Visitor");
    await page.getByLabel("Email").fill("vera@localhost"); // the browser accepts it, the API does not
    await page.getByLabel("I am a").selectOption("parent");
    await page.getByLabel("Message").fill(visitor.message);
    expect((await submit(page, "Send request")).status()).toBe(422);
    await expect(page.locator("#field-email-error").textContent()).resolves.toContain("email");
    await expect(page.getByLabel("First name").inputValue()).resolves.toBe("Vera");
    await expect(page.getByLabel("I am a").inputValue()).resolves.toBe("parent");

    await page.getByLabel("Email").fill(visitor.email);
    expect((await submit(page, "Send request")).status()).toBe(303);
    await page.getByText("Thanks — your request is with the studio.").waitFor();
    expect(new URL(page.url()).search).toBe("?sent=1");
    await context.close();

    const list = await expectStatus(
      "list access requests",
      owner.v1.studios[":studioId"]["access-requests"].$get({
        param: { studioId: studio.studioId },
        query: {},
      }),
      200,
    );
    const { items } = await list.json();
    expect(items.find((r) => r.email === visitor.email)).toMatchObject({
      firstName: "Vera",
      lastName: "Visitor",
      role: "parent",
      message: visitor.message,
      status: "pending",
    });
  });

  it("answers 404 for the join page of a studio that doesn't exist", async () => {
    const { context, page } = await newPage();
    const response = await page.goto(`${site.webUrl}/no-such-studio-here/join`);
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
