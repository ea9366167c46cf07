import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { loadedImageWidth } from "./support/dom";
import { solidPng } from "./support/png";
import { readMail } from "@studiosync/local/testing";
import { emailedLink, PASSWORD, uniqueOwner, verificationLink } from "./support/seed";
import { startSite, type Site } from "./support/site";

let site: Site;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await startSite();
  context = await site.browser.newContext();
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await site?.stop();
});

const owner = { name: "Grace Teacher", studioName: "Harbour Strings", ...uniqueOwner("flow") };
/** Signed in, an owner of one studio lands on its Today page, the studio named in the switcher. */
const studioHeading = () => page.locator(".ws-studio", { hasText: owner.studioName });
const todayUrl = /\/dashboard\/studios\/[^/]+$/;

async function fillSignup(slug: string) {
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Studio name").fill(owner.studioName);
  await page.getByLabel("Studio address").fill(slug);
  await page.getByLabel("Time zone").selectOption("Europe/Paris");
  await page.getByLabel("Currency").selectOption("EUR");
}

async function signIn(password = PASSWORD) {
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// One journey through the real forms, in order: each step builds on the one before.
describe("sign up → verify → sign in → dashboard", () => {
  it("shows the API's field errors next to their fields", async () => {
    await page.goto(`${site.webUrl}/signup`);
    await fillSignup("login");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Create studio" }).click(),
    ]);
    expect(response.status()).toBe(422);
    await expect(page.locator("#field-slug-error").textContent()).resolves.toContain("reserved");
    await expect(page.getByLabel("Studio address").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe(owner.email);
  });

  it("signs up and asks to check the email", async () => {
    await fillSignup(owner.slug);
    await page.getByRole("button", { name: "Create studio" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await expect(page.getByText(owner.email).isVisible()).resolves.toBe(true);
  });

  it("refuses to sign in before the email is verified, offering a new link", async () => {
    await page.goto(`${site.webUrl}/login`);
    await signIn();
    await page.getByText("Please verify your email first.").waitFor();
    await page.getByRole("button", { name: "Resend verification email" }).click();
    await page.getByText("Check your email.").waitFor();
    await expect(readMail(owner.email, { count: 2 })).resolves.toHaveLength(2);
  });

  it("verifies the email only when the button is pressed, and only once", async () => {
    const link = await verificationLink(owner.email);
    expect(link.startsWith(`${site.webUrl}/verify-email?token=`)).toBe(true);
    await page.goto(link);
    await page.goto(link); // a second GET (a mail scanner's prefetch) must not use the token up
    await page.getByRole("button", { name: "Verify my email" }).click();
    await page.getByText("Your email is verified.").waitFor();

    await page.goto(link);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Verify my email" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.getByText("This verification link can't be used.").isVisible()).resolves.toBe(true);
  });

  it("signs in into the studio's Today page with httpOnly session cookies", async () => {
    await page.goto(`${site.webUrl}/login`);
    await signIn();
    await page.waitForURL(todayUrl);
    await expect(page.locator("h1").textContent()).resolves.toBe("Today");
    await expect(studioHeading().isVisible()).resolves.toBe(true);
    const cookies = await context.cookies(site.webUrl);
    for (const name of ["ss_access", "ss_refresh"]) {
      expect(cookies.find((c) => c.name === name)).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    }
  });

  it("renews an expired access token with the refresh cookie", async () => {
    const before = (await context.cookies(site.webUrl)).find((c) => c.name === "ss_refresh")?.value;
    await context.clearCookies({ name: "ss_access" });
    await page.reload();
    await expect(studioHeading().isVisible()).resolves.toBe(true);
    const after = await context.cookies(site.webUrl);
    expect(after.some((c) => c.name === "ss_access")).toBe(true);
    expect(after.find((c) => c.name === "ss_refresh")?.value).not.toBe(before);
  });

  it("edits the studio, showing field errors, and the public page follows", async () => {
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    await page.getByLabel("Phone").fill("call me maybe");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#field-phone-error").textContent()).resolves.toContain("digits");

    const description = "Strings lessons by the harbour, every weekday after school.";
    await page.getByLabel("Phone").fill("+33 1 23 45 67 89");
    await page.getByLabel("Description").fill(description);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Your changes are saved.").waitFor();

    await page.goto(`${site.webUrl}/${owner.slug}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(owner.studioName);
    await expect(page.getByText(description).isVisible()).resolves.toBe(true);
    await expect(page.getByText("Europe/Paris").isVisible()).resolves.toBe(true);
  });

  it("uploads a logo through the plain form", async () => {
    await page.goto(`${site.webUrl}/dashboard`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Upload a new logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(solidPng(64, 64, [37, 99, 235])) });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await page.getByText("Your logo is updated.").waitFor();

    await page.goto(`${site.webUrl}/${owner.slug}`);
    await expect(loadedImageWidth(page.getByRole("img", { name: `${owner.studioName} logo` }))).resolves.toBe(64);
  });

  it("signs out from the person menu", async () => {
    await page.goto(`${site.webUrl}/dashboard`);
    await page.locator(".ws-person summary").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You've signed out.").waitFor();
    expect((await context.cookies(site.webUrl)).map((c) => c.name)).not.toContain("ss_refresh");
    await page.goto(`${site.webUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("resets a forgotten password from the emailed link", async () => {
    await page.goto(`${site.webUrl}/login`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(owner.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText("Check your email.").waitFor();

    const link = await emailedLink(owner.email, "/reset-password");
    expect(link.startsWith(`${site.webUrl}/reset-password?token=`)).toBe(true);
    await page.goto(link);
    const newPassword = "a brand new long password";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password has been changed.").waitFor();

    await page.getByRole("link", { name: "Sign in" }).last().click();
    await signIn(newPassword);
    await page.waitForURL(todayUrl);
    await expect(studioHeading().isVisible()).resolves.toBe(true);
  });
});
