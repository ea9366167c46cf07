import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { AppType } from "@studiosync/functions";
import { readMail } from "@studiosync/local/testing";
import { hc } from "hono/client";
import { seriousViolations } from "./support/axe";
import { emailedLink, expectStatus, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { startSite, type Site } from "./support/site";

/**
 * The workspace's Today, scheduling and requests pages, as the owner and as a teacher: one-click
 * attendance, working hours, a closure previewed then confirmed (with the family's email), an access
 * request approved into an invitation, a teacher's own day, and axe on every page.
 */
type Client = ReturnType<typeof hc<AppType>>;
let site: Site;
let studio: Awaited<ReturnType<typeof seedStudio>>;
let owner: Client;
let base: string;
const world = {} as {
  t1: { id: string; email: string };
  t2: { id: string };
  s1: { id: string };
  guardianEmail: string;
  soonLesson: string;
  otherLesson: string;
  closureDate: string;
  requestId: string;
  patternId: string;
};

const client = (token?: string) => hc<AppType>(site.apiUrl, token ? { headers: { authorization: `Bearer ${token}` } } : {});
async function signInApi(email: string) {
  const login = await expectStatus("login", client().v1.auth.login.$post({ json: { email, password: PASSWORD } }), 200);
  return client((await login.json()).accessToken);
}
/** The next quarter hour at least an hour away: today or tomorrow on the studio's (London) clock. */
const soon = () => new Date(Math.ceil((Date.now() + 3_600_000) / 900_000) * 900_000).toISOString();
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Invites someone to a profile and accepts through the API, so they can sign in with PASSWORD. */
async function member(email: string, role: "teacher" | "student", links: Record<string, string>) {
  const param = { studioId: studio.studioId };
  await expectStatus("invite", owner.v1.studios[":studioId"].invitations.$post({ param, header: {}, json: { email, role, ...links } }), 201);
  const token = new URL(await emailedLink(email, "/invitations/accept")).searchParams.get("token")!;
  await expectStatus("accept", client().v1.public.invitations.accept.$post({ json: { token, name: `Test ${role}`, password: PASSWORD } }), 200);
}

beforeAll(async () => {
  site = await startSite();
  studio = await seedStudio(site.apiUrl, "Harbour Music");
  owner = await signInApi(studio.email);
  base = `${site.webUrl}/dashboard/studios/${studio.studioId}`;
  const param = { studioId: studio.studioId };
  const post = async <T = { id: string }>(what: string, request: Promise<{ status: number; text(): Promise<string>; json(): Promise<unknown> }>) => {
    const res = await request;
    if (res.status !== 201) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };

  const t1Email = uniqueOwner("teacher").email;
  const t1 = await post<{ id: string }>(
    "t1",
    owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName: "Tara", lastName: "Tuner", email: t1Email } }),
  );
  const t2 = await post<{ id: string }>("t2", owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName: "Otto", lastName: "Oboe" } }));
  const family = await post<{ id: string }>("family", owner.v1.studios[":studioId"].families.$post({ param, json: { name: "The Keys" } }));
  const guardianEmail = uniqueOwner("guardian").email;
  await post(
    "guardian",
    owner.v1.studios[":studioId"].families[":familyId"].guardians.$post({
      param: { studioId: studio.studioId, familyId: family.id },
      json: { firstName: "Gina", lastName: "Keys", relationship: "mother", email: guardianEmail },
    }),
  );
  const s1Email = uniqueOwner("student").email;
  const s1 = await post<{ id: string }>(
    "s1",
    owner.v1.studios[":studioId"].students.$post({
      param,
      json: { firstName: "Nora", lastName: "Keys", email: s1Email, primaryTeacherId: t1.id, familyId: family.id },
    }),
  );
  const s2 = await post<{ id: string }>(
    "s2",
    owner.v1.studios[":studioId"].students.$post({ param, json: { firstName: "Pete", lastName: "Pluck", primaryTeacherId: t2.id } }),
  );
  const book = (teacherId: string, studentId: string, scheduledStart: string) =>
    post<{ id: string }>(
      "lesson",
      owner.v1.studios[":studioId"].lessons.$post({ param, json: { teacherId, studentId, type: "private", durationMinutes: 45, scheduledStart } }),
    );
  const start = soon();
  const closureDate = dateIn(20);
  const [mine, theirs, , later] = await Promise.all([
    book(t1.id, s1.id, start),
    book(t2.id, s2.id, start),
    book(t1.id, s1.id, `${closureDate}T10:00:00.000Z`),
    book(t1.id, s1.id, `${dateIn(12)}T10:00:00.000Z`),
  ]);
  const pattern = await post<{ id: string }>(
    "pattern",
    owner.v1.studios[":studioId"]["recurring-patterns"].$post({
      param,
      json: { teacherId: t1.id, studentId: s1.id, frequency: "weekly", startDate: dateIn(30), startTime: "16:00", durationMinutes: 30 },
    }),
  );
  await Promise.all([member(t1Email, "teacher", { teacherId: t1.id }), member(s1Email, "student", { studentId: s1.id })]);
  const student = await signInApi(s1Email);
  const request = await post<{ id: string }>(
    "reschedule",
    student.v1.studios[":studioId"]["reschedule-requests"].$post({
      param,
      header: {},
      json: { lessonId: later.id, proposedStart: `${dateIn(12)}T12:00:00.000Z` },
    }),
  );
  Object.assign(world, {
    t1: { id: t1.id, email: t1Email },
    t2,
    s1,
    guardianEmail,
    soonLesson: mine.id,
    otherLesson: theirs.id,
    closureDate,
    requestId: request.id,
    patternId: pattern.id,
  });
});

afterAll(async () => {
  await site?.stop();
});

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${site.webUrl}/login?next=${encodeURIComponent(new URL(base).pathname)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(base);
  return { context, page };
}

async function visit(page: Page, path: string) {
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  expect(await seriousViolations(page), path).toEqual([]);
}

describe("the owner's workspace", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await signedIn(studio.email));
  });
  afterAll(async () => context?.close());

  it("shows Today with the lessons, and takes attendance in one click", async () => {
    expect(await seriousViolations(page)).toEqual([]);
    const row = page.locator(`#lesson-${world.soonLesson}`);
    await expect(row.getByRole("link", { name: "Nora Keys" }).isVisible()).resolves.toBe(true);
    await expect(page.locator(`#lesson-${world.otherLesson}`).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "Get your studio ready" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("Overdue invoices").isVisible()).resolves.toBe(true);
    await row.getByRole("button", { name: "Absent" }).click();
    await page.getByText("Attendance saved.").waitFor();
    await expect(page.locator(`#lesson-${world.soonLesson}`).getByRole("button", { name: "Absent" }).getAttribute("aria-pressed")).resolves.toBe("true");
  });

  it("sets a teacher's working hours", async () => {
    await visit(page, "/scheduling");
    await visit(page, "/scheduling/hours");
    await page.getByRole("link", { name: "Edit Tara Tuner's hours" }).click();
    await page.waitForURL(`${base}/scheduling/hours/${world.t1.id}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("#field-d1-0-start").fill("09:00");
    await page.locator("#field-d1-0-end").fill("17:00");
    await page.getByLabel("Break between lessons (minutes)").fill("10");
    await page.getByRole("button", { name: "Save hours" }).click();
    await page.getByText("Hours saved.").waitFor();
    await expect(page.locator("#field-d1-0-start").inputValue()).resolves.toBe("09:00");
    await expect(page.getByLabel("Break between lessons (minutes)").inputValue()).resolves.toBe("10");
    await visit(page, "/scheduling/hours");
    await expect(page.getByText("Mon 09:00–17:00").isVisible()).resolves.toBe(true);
  });

  it("previews a closure's lessons, then closes the studio and the family is emailed", async () => {
    await visit(page, "/scheduling/closures");
    await visit(page, "/scheduling/closures/new");
    await page.getByLabel("First day closed").fill(world.closureDate);
    await page.getByLabel("Last day closed").fill(world.closureDate);
    await page.getByLabel("Reason").fill("Harbour festival");
    await page.getByRole("button", { name: "Show the lessons it cancels" }).click();
    await page.getByRole("heading", { name: "1 lesson will be cancelled" }).waitFor();
    await expect(page.getByRole("cell", { name: "Nora Keys" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("1 make-up credit will be issued").isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Close the studio and cancel 1 lesson" }).click();
    await page.getByText("1 lesson cancelled and the families told").waitFor();
    const [mail] = await readMail(world.guardianEmail, { subject: "is closed" });
    expect(mail!.body.text).toContain("Harbour festival");
    expect(mail!.body.text).toContain(`${site.webUrl}/${studio.slug}`);
  });

  it("approves an access request, which emails the invitation", async () => {
    const email = uniqueOwner("applicant").email;
    await expectStatus(
      "ask to join",
      client().v1.public.studios[":slug"]["access-requests"].$post({
        param: { slug: studio.slug },
        header: {},
        json: { email, firstName: "Ivy", lastName: "Ivory", role: "student", message: "Cello, beginner" },
      }),
      202,
    );
    await visit(page, "/requests?tab=access");
    await page.getByRole("link", { name: "Ivy Ivory" }).click();
    await page.waitForURL(/\/requests\/access\//);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Approve and send the invitation" }).click();
    await page.getByText("The invitation is on its way by email.").waitFor();
    const link = await emailedLink(email, "/invitations/accept");
    expect(link.startsWith(`${site.webUrl}/invitations/accept?token=`)).toBe(true);
  });

  it("has no serious accessibility problem on the other pages", async () => {
    for (const path of [
      "/scheduling/policy",
      "/scheduling/patterns",
      `/scheduling/patterns/${world.patternId}`,
      `/scheduling/makeups?student=${world.s1.id}`,
      "/requests",
      `/requests/reschedules/${world.requestId}`,
    ]) {
      await visit(page, path);
    }
    await expect(page.getByRole("button", { name: "Approve and move the lesson" }).isVisible()).resolves.toBe(true);
  });
});

describe("a teacher's workspace", () => {
  it("shows only their own lessons and requests on Today, and no money", async () => {
    const { context, page } = await signedIn(world.t1.email);
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.locator(`#lesson-${world.soonLesson}`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`#lesson-${world.otherLesson}`).count()).resolves.toBe(0);
    await expect(page.getByText("Overdue invoices").count()).resolves.toBe(0);
    await expect(page.getByText("1 to reschedule").isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "My hours" }).click();
    await page.waitForURL(`${base}/scheduling/hours/${world.t1.id}`);
    await expect(page.locator("#field-d1-0-start").inputValue()).resolves.toBe("09:00");
    expect(await seriousViolations(page)).toEqual([]);
    expect((await page.goto(`${base}/scheduling/hours/${world.t2.id}`))?.status()).toBe(403);
    expect((await page.goto(`${base}/scheduling/closures`))?.status()).toBe(403);
    await context.close();
  });
});
