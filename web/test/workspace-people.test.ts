import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { acceptInvitation, emailedLink, expectStatus, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";
import { seriousViolations } from "./support/axe";

let site: Site;
let studio: Awaited<ReturnType<typeof seedStudio>>;
let owner: Client;
let base: string;
const teacher = { email: uniqueOwner("tess").email, id: "" };
const guardianEmail = uniqueOwner("gina").email;
let sessions: BrowserSessions;

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), page.url()).toEqual([]);
}

const open = async (page: Page, path: string) => {
  const response = await page.goto(`${site.webUrl}${path}`);
  return response?.status();
};

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  studio = await seedStudio(site.apiUrl, "Riverside Music");
  owner = await signInApi(site.apiUrl, studio.email);
  base = `/dashboard/studios/${studio.studioId}`;
  const param = { studioId: studio.studioId };
  const created = await expectStatus(
    "teacher",
    owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName: "Tess", lastName: "Tutor", email: teacher.email } }),
    201,
  );
  teacher.id = (await created.json()).id;
  await expectStatus(
    "invite teacher",
    owner.v1.studios[":studioId"].invitations.$post({ param, header: {}, json: { email: teacher.email, role: "teacher", teacherId: teacher.id } }),
    201,
  );
  await acceptInvitation(site.apiUrl, teacher.email, "Tess Tutor");
  await expectStatus(
    "own student",
    owner.v1.studios[":studioId"].students.$post({ param, json: { firstName: "Sam", lastName: "Own", primaryTeacherId: teacher.id } }),
    201,
  );
  await expectStatus("other student", owner.v1.studios[":studioId"].students.$post({ param, json: { firstName: "Olive", lastName: "Other" } }), 201);
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("an admin runs People and Settings", { timeout: 180_000 }, () => {
  let page: Page;
  let studentPath = "";
  let familyPath = "";

  it("creates a student, finds them by search, soft-deletes and restores them", async () => {
    page = await sessions.signIn(studio.email, `${base}/people/students`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Add a student" }).click();
    await expectAccessible(page);
    await page.getByLabel("First name").fill("Zoe");
    await page.getByLabel("Last name").fill("Zimmer");
    await page.getByLabel("Instrument").fill("Cello");
    await page.getByLabel("Teacher").selectOption({ label: "Tess Tutor" });
    await page.getByRole("button", { name: "Add student" }).click();
    await page.getByText("Added.").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Zoe Zimmer");
    studentPath = new URL(page.url()).pathname;
    await expectAccessible(page);

    for (const tab of ["Lessons", "Attendance", "Notes", "Goals", "Practice", "Billing", "History"]) {
      await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: tab }).click();
      await page.waitForURL((url) => url.searchParams.has("tab"));
      await expectAccessible(page);
    }
    await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Goals" }).click();
    await page.getByLabel("Goal", { exact: true }).fill("Play the Bach prelude");
    await page.getByRole("button", { name: "Add goal" }).click();
    await page.getByText("Goal added.").waitFor();
    await page.getByLabel("Progress (%)").fill("40");
    await page.getByRole("button", { name: "Update goal" }).click();
    await page.getByText("40% done").waitFor();

    await open(page, `${base}/people/students?q=zoe`);
    await expect(page.getByRole("link", { name: "Zoe Zimmer" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: "Olive Other" }).count()).resolves.toBe(0);

    await open(page, studentPath);
    await page.getByRole("link", { name: "Delete" }).click();
    await page.getByText("Their lessons, attendance, notes and invoices are kept").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Delete Zoe Zimmer" }).click();
    await page.getByText("The student was deleted").waitFor();
    const afterDelete = page.url();
    expect(await open(page, studentPath)).toBe(404);
    await open(page, `${base}/people/students?q=zoe`);
    await page.getByText("No students match").waitFor();

    await page.goto(afterDelete);
    await page.getByRole("button", { name: "Undo: restore the student" }).click();
    await page.getByText("Restored: back in the lists.").waitFor();
    expect(new URL(page.url()).pathname).toBe(studentPath);
  });

  it("creates a family with a guardian, finds it, and invites the parent by email", async () => {
    await open(page, `${base}/people/families`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Add a family" }).first().click();
    await page.getByLabel("Family name").fill("The Zimmer family");
    await page.getByLabel("Billing email").fill("zimmer@localhost"); // the browser accepts it, the API does not
    await page.getByRole("button", { name: "Add family" }).click();
    await expect(page.locator("#field-billingEmail-error").textContent()).resolves.toContain("email");
    await expect(page.getByLabel("Family name").inputValue()).resolves.toBe("The Zimmer family");
    await expectAccessible(page);
    await page.getByLabel("Billing email").fill(guardianEmail);
    await page.getByRole("button", { name: "Add family" }).click();
    await page.getByText("Added.").waitFor();
    familyPath = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "Add a guardian" }).click();
    await expectAccessible(page);
    await page.getByLabel("First name").fill("Gina");
    await page.getByLabel("Last name").fill("Zimmer");
    await page.getByLabel("Email").fill(guardianEmail);
    await page.getByRole("button", { name: "Add guardian" }).click();
    await page.getByText("Guardian added.").waitFor();
    await expectAccessible(page);
    for (const tab of ["Students", "Billing", "History"]) {
      await page.getByRole("navigation", { name: "Family" }).getByRole("link", { name: tab }).click();
      await page.waitForURL((url) => url.searchParams.has("tab"));
      await expectAccessible(page);
    }

    await open(page, `${base}/people/families?q=the%20zim`);
    await page.getByRole("link", { name: "The Zimmer family" }).click();
    await page.getByRole("link", { name: "Gina Zimmer" }).click();
    await expectAccessible(page);
    await page.goBack();
    await page.getByRole("button", { name: "Invite Gina Zimmer to sign in" }).click();
    await page.getByText("Invitation sent by email.").waitFor();
    const link = await emailedLink(guardianEmail, "/invitations/accept");
    expect(link.startsWith(`${site.webUrl}/invitations/accept?token=`)).toBe(true);

    await open(page, `${base}/settings/invitations`);
    await page.getByRole("cell", { name: guardianEmail, exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Send the invitation to ${guardianEmail} again` }).click();
    await page.getByText("A new link is on its way").waitFor();
  });

  it("imports a CSV and shows what happened to each row", async () => {
    await open(page, `${base}/people/import`);
    expect(new URL(page.url()).pathname).toBe(`${base}/settings/imports`);
    await expectAccessible(page);
    await page.getByLabel("What the rows are").selectOption("students");
    await page.getByLabel("Or paste the rows").fill("firstName,lastName,email\nIvy,Import,ivy@example.com\nBad,Row,not-an-email\n");
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Import finished" }).waitFor();
    await page.getByText("1 added · 0 already there · 1 with problems").waitFor();
    const bad = page.getByRole("row").filter({ hasText: "Not imported" });
    await expect(bad.getByRole("cell").first().textContent()).resolves.toBe("2");
    await expect(bad.textContent()).resolves.toContain("email");
    await expectAccessible(page);
  });

  it("shows the other People lists and Settings pages accessibly", async () => {
    for (const path of [
      "/people/teachers",
      `/people/teachers/${teacher.id}`,
      `/people/teachers/${teacher.id}?tab=students`,
      "/people/teachers/new",
      "/people/bands",
      "/people/bands/new",
      "/settings/members",
      "/settings/audit",
      "/settings/privacy?q=zoe",
    ]) {
      expect(await open(page, `${base}${path}`), path).toBe(200);
      await expectAccessible(page);
    }
    await page.getByRole("link", { name: "Zoe Zimmer" }).click();
    await page.getByRole("button", { name: "Email me the export" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Erase…" }).click();
    await page.getByText("Removed for good: email, phone, date of birth").waitFor();
    await expectAccessible(page);

    await open(page, `${base}/people/bands/new`);
    await page.getByLabel("Band name").fill("The Zimmer Trio");
    await page.getByRole("button", { name: "Add band" }).click();
    await page.getByLabel("Student's name").fill("Zoe");
    await page.getByRole("button", { name: "Find" }).click();
    await page.getByRole("button", { name: "Add Zoe Zimmer to the band" }).click();
    await page.getByText("Added to the band.").waitFor();
    await page.getByRole("cell", { name: "Zoe Zimmer", exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Band" }).getByRole("link", { name: "Band" }).click();
    await expect(page.getByLabel("Band name").inputValue()).resolves.toBe("The Zimmer Trio");
    await expectAccessible(page);
  });

  it("shows an email that bounced on Email delivery, and warns on the family page (issue 12)", async () => {
    // SES local's mailbox simulator bounces it as SES does; the bounce marks the address.
    const bouncing = `bounce+${Date.now().toString(36)}@simulator.amazonses.com`;
    const param = { studioId: studio.studioId };
    await expectStatus("invite", owner.v1.studios[":studioId"].invitations.$post({ param, header: {}, json: { email: bouncing, role: "admin" } }), 201);
    const family = await (
      await expectStatus("family", owner.v1.studios[":studioId"].families.$post({ param, json: { name: "The Bounces", billingEmail: bouncing } }), 201)
    ).json();

    await open(page, `${base}/settings`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Email delivery" }).click();
    // The bounce arrives just after the send: reload until the row is there.
    const row = page.getByRole("row").filter({ hasText: bouncing });
    await expect.poll(async () => (await page.reload(), await row.count()), { timeout: 15_000, interval: 250 }).toBe(1);
    await expect(row.textContent()).resolves.toContain("The address does not exist (hard bounce): 550 5.1.1 user unknown");
    await expect(row.textContent()).resolves.toContain("Invitation to join");
    await expectAccessible(page);

    expect(await open(page, `${base}/people/families/${family.id}`)).toBe(200);
    await page.getByText(`Emails to ${bouncing} bounce — check the address.`).waitFor();
    await expectAccessible(page);
    // Once staff checked it, an admin tries the address again: the warning goes.
    await page.getByRole("button", { name: "Try this address again" }).click();
    await page.getByText("We'll email that address again.").waitFor();
    await expect(page.getByText(`Emails to ${bouncing} bounce`).count()).resolves.toBe(0);
  });
});

describe("a teacher sees only their own students", { timeout: 60_000 }, () => {
  it("lists their students and has no Settings or Billing", async () => {
    const page = await sessions.signIn(teacher.email, `${base}/people/students`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("My students");
    await page.getByRole("link", { name: "Sam Own" }).waitFor();
    await expect(page.getByRole("link", { name: "Olive Other" }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Add a student" }).count()).resolves.toBe(0);
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await expect(nav.getByRole("link", { name: "Settings" }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: "Billing" }).count()).resolves.toBe(0);
    await expect(page.getByRole("navigation", { name: "People" }).count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Sam Own" }).click();
    await expect(page.getByRole("link", { name: "Delete" }).count()).resolves.toBe(0);
    await expect(page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Billing" }).count()).resolves.toBe(0);
    await expectAccessible(page);

    expect(await open(page, `${base}/settings/members`)).toBe(403);
    expect(await open(page, `${base}/people/families`)).toBe(403);
  });

  it("edits their own profile from the person menu, and no one else's", async () => {
    const page = await sessions.signIn(teacher.email, `${base}/people/students`);
    await page.locator(".ws-person summary").click();
    await page.getByRole("link", { name: "My profile" }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("My profile");
    // Names, email, pay and status are the admins'.
    await expect(page.getByLabel("First name").count()).resolves.toBe(0);
    await expect(page.getByLabel(/Hourly rate/).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Delete" }).count()).resolves.toBe(0);
    await page.getByLabel("Teaches").fill("Piano, Theory");
    await page.getByLabel("Bio (for the studio)").fill("Patient teacher of scales.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Your changes are saved.").waitFor();
    await expect(page.getByLabel("Teaches").inputValue()).resolves.toBe("Piano, Theory");
    await expectAccessible(page);

    expect(await open(page, `${base}/people/teachers/${"0".repeat(26)}`)).toBe(403);
  });
});

describe("a parent never sees staff pages", { timeout: 60_000 }, () => {
  it("answers 403 on the students list", async () => {
    await acceptInvitation(site.apiUrl, guardianEmail, "Gina Zimmer");
    const page = await sessions.newPage();
    await page.goto(`${site.webUrl}/login`);
    await page.getByLabel("Email").fill(guardianEmail);
    await page.getByLabel("Password").fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
    expect(await open(page, `${base}/people/students`)).toBe(403);
    expect(await open(page, `${base}/settings/imports`)).toBe(403);
  });
});
