import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { AppType } from "@studiosync/functions";
import { hc } from "hono/client";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { emailedLink, expectStatus, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * Teaching material in the workspace: a teacher writes a lesson plan, shares it, a colleague and
 * the owner see it shared (a private one stays hidden), the teacher edits and deletes it and opens
 * plans from a lesson; goals are deleted by the student's teacher; practice is logged and deleted
 * by the owner (the API lets the family and admins record practice, not the teacher).
 */
let site: Site;
let owner: Client;
let ownerEmail: string;
let base: string;
const tess = { email: uniqueOwner("tess").email, id: "" };
const theo = { email: uniqueOwner("theo").email, id: "" };
let studentId = "";
let lessonId = "";
let privatePlanId = "";
let otherStudioPlanId = "";
let sessions: BrowserSessions;

/** A teacher of the studio with an account of their own (invited, invitation accepted). */
async function addTeacher(studioId: string, who: { email: string; id: string }, firstName: string, lastName: string) {
  const param = { studioId };
  const created = await expectStatus("teacher", owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName, lastName, email: who.email } }), 201);
  who.id = (await created.json()).id;
  await expectStatus(
    "invite",
    owner.v1.studios[":studioId"].invitations.$post({ param, header: {}, json: { email: who.email, role: "teacher", teacherId: who.id } }),
    201,
  );
  const token = new URL(await emailedLink(who.email, "/invitations/accept")).searchParams.get("token")!;
  await expectStatus(
    "accept",
    hc<AppType>(site.apiUrl).v1.public.invitations.accept.$post({ json: { token, name: `${firstName} ${lastName}`, password: PASSWORD } }),
    200,
  );
}

const open = async (page: Page, path: string) => {
  sessions.lastPage = page;
  return (await page.goto(`${site.webUrl}${path}`))?.status();
};

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const [studio, other] = await Promise.all([seedStudio(site.apiUrl, "Riverside Music"), seedStudio(site.apiUrl, "Other Music")]);
  ownerEmail = studio.email;
  owner = await signInApi(site.apiUrl, studio.email);
  base = `/dashboard/studios/${studio.studioId}`;
  const param = { studioId: studio.studioId };
  await addTeacher(studio.studioId, tess, "Tess", "Tutor");
  await addTeacher(studio.studioId, theo, "Theo", "Tempo");
  const student = await expectStatus(
    "student",
    owner.v1.studios[":studioId"].students.$post({ param, json: { firstName: "Sam", lastName: "Scales", primaryTeacherId: tess.id } }),
    201,
  );
  studentId = (await student.json()).id;
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCHours(10, 0, 0, 0);
  const tessApi = await signInApi(site.apiUrl, tess.email);
  const otherOwner = await signInApi(site.apiUrl, other.email);
  const [lesson, privatePlan, foreign] = await Promise.all([
    expectStatus(
      "lesson",
      owner.v1.studios[":studioId"].lessons.$post({
        param,
        json: { teacherId: tess.id, studentId, type: "private", durationMinutes: 30, scheduledStart: start.toISOString() },
      }),
      201,
    ),
    expectStatus("private plan", tessApi.v1.studios[":studioId"]["lesson-plans"].$post({ param, json: { title: "Tess's own sketch" } }), 201),
    expectStatus(
      "other studio's plan",
      otherOwner.v1.studios[":studioId"]["lesson-plans"].$post({ param: { studioId: other.studioId }, json: { title: "Elsewhere", isPublic: true } }),
      201,
    ),
    expectStatus("goal", owner.v1.studios[":studioId"].goals.$post({ param, json: { studentId, title: "Learn the C major scale" } }), 201),
  ]);
  lessonId = (await lesson.json()).id;
  privatePlanId = (await privatePlan.json()).id;
  otherStudioPlanId = (await foreign.json()).id;
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("lesson plans, goals and practice in the workspace", { timeout: 120_000 }, () => {
  let teacher: Page;
  let admin: Page;
  let planPath = "";

  it("a teacher writes a lesson plan, fixing what the studio refuses, and shares it", async () => {
    teacher = await sessions.signIn(tess.email, `${base}/plans`);
    await sessions.expectAccessible(teacher);
    await expect(teacher.getByRole("link", { name: "Tess's own sketch" }).isVisible()).resolves.toBe(true);
    await teacher.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Lesson plans" }).waitFor();
    await teacher.getByRole("link", { name: "Write a lesson plan" }).click();
    await teacher.getByLabel("Title").fill("Scales warm-up");
    await teacher.getByLabel("Instrument or subject").fill("Piano");
    await teacher.getByLabel("Length (minutes)").fill("2");
    await teacher.getByLabel("Objectives").fill("C major, hands separately\nC major, hands together");
    await teacher.getByLabel("Tags").fill("beginner, scales");
    await teacher.getByLabel("Share with the studio's teachers").check();
    await teacher.getByRole("button", { name: "Save the plan" }).click();
    await teacher.locator("#field-durationMinutes-error").waitFor();
    await expect(teacher.getByLabel("Objectives").inputValue()).resolves.toBe("C major, hands separately\nC major, hands together");
    await sessions.expectAccessible(teacher);
    await teacher.getByLabel("Length (minutes)").fill("30");
    await teacher.getByRole("button", { name: "Save the plan" }).click();
    await teacher.getByText("The lesson plan is saved.").waitFor();
    await expect(teacher.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Scales warm-up");
    await teacher.getByText("Shared with the studio's teachers").waitFor();
    await teacher.getByRole("listitem").filter({ hasText: "C major, hands together" }).waitFor();
    planPath = new URL(teacher.url()).pathname;
    await sessions.expectAccessible(teacher);
  });

  it("another teacher and the owner see it shared; another teacher's private plan stays hidden", async () => {
    const colleague = await sessions.signIn(theo.email, `${base}/plans`);
    const row = colleague.getByRole("row").filter({ hasText: "Scales warm-up" });
    await expect(row.getByText("Shared").isVisible()).resolves.toBe(true);
    await expect(row.getByText("Tess Tutor").isVisible()).resolves.toBe(true);
    await expect(colleague.getByRole("link", { name: "Tess's own sketch" }).count()).resolves.toBe(0);
    await row.getByRole("link", { name: "Scales warm-up" }).click();
    await colleague.getByText("Written by Tess Tutor").waitFor();
    await expect(colleague.getByText("Edit this plan").count()).resolves.toBe(0);
    await expect(colleague.getByRole("link", { name: "Delete" }).count()).resolves.toBe(0);
    expect(await open(colleague, `${base}/plans/${privatePlanId}`)).toBe(404);
    expect(await open(colleague, `${planPath}/delete`)).toBe(403);

    admin = await sessions.signIn(ownerEmail, `${base}/plans`);
    await open(admin, `${base}/plans?teacher=${tess.id}`);
    await expect(admin.getByRole("row").filter({ hasText: "Scales warm-up" }).getByText("Shared").isVisible()).resolves.toBe(true);
    await expect(admin.getByRole("link", { name: "Tess's own sketch" }).isVisible()).resolves.toBe(true);
  });

  it("the teacher finds the plan from a lesson, edits it, and deletes it after confirming", async () => {
    await open(teacher, `${base}/lessons/${lessonId}`);
    await teacher.getByRole("link", { name: "Your lesson plans" }).click();
    await teacher.getByRole("link", { name: "Scales warm-up" }).click();
    await teacher.getByText("Edit this plan").click();
    await teacher.getByLabel("Title").fill("Scales warm-up, hands together");
    await teacher.getByRole("button", { name: "Save changes" }).click();
    await teacher.getByText("Changes saved.").waitFor();
    await expect(teacher.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Scales warm-up, hands together");

    await teacher.getByRole("link", { name: "Delete" }).click();
    await teacher.getByText("for you and for the studio's other teachers").waitFor();
    await sessions.expectAccessible(teacher);
    await teacher.getByRole("button", { name: "Delete the plan" }).click();
    await teacher.getByText("The lesson plan is deleted.").waitFor();
    await expect(teacher.getByRole("link", { name: "Scales warm-up, hands together" }).count()).resolves.toBe(0);
    expect(await open(teacher, planPath)).toBe(404);
    expect(await open(teacher, `${base}/plans/${otherStudioPlanId}`)).toBe(404);
  });

  it("the teacher deletes a goal of their student after confirming", async () => {
    await open(teacher, `${base}/people/students/${studentId}?tab=goals`);
    await teacher.getByRole("link", { name: "Delete this goal" }).click();
    await teacher.getByText("Delete “Learn the C major scale”?").waitFor();
    await sessions.expectAccessible(teacher);
    await teacher.getByRole("button", { name: "Delete the goal" }).click();
    await teacher.getByText("Goal deleted.").waitFor();
    await expect(teacher.getByText("Learn the C major scale").count()).resolves.toBe(0);
  });

  it("practice is logged and deleted by the owner; the teacher only reads it", async () => {
    await open(teacher, `${base}/people/students/${studentId}?tab=practice`);
    await teacher.getByText("No practice logged yet").waitFor();
    await expect(teacher.getByRole("button", { name: "Log practice" }).count()).resolves.toBe(0);

    await open(admin, `${base}/people/students/${studentId}?tab=practice`);
    await admin.getByLabel("Minutes").fill("25");
    await admin.getByLabel("Pieces").fill("Minuet in G\nC major scale");
    await admin.getByRole("button", { name: "Log practice" }).click();
    await admin.getByText("Practice logged.").waitFor();
    await admin.getByRole("cell", { name: "Minuet in G, C major scale" }).waitFor();
    await sessions.expectAccessible(admin);
    await admin.getByRole("link", { name: /^Delete the practice of/ }).click();
    await admin.getByText("25 minutes of practice").waitFor();
    await sessions.expectAccessible(admin);
    await admin.getByRole("button", { name: "Delete the practice log" }).click();
    await admin.getByText("Practice log deleted.").waitFor();
    await admin.getByText("No practice logged yet").waitFor();
  });
});
