import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { announceMaterials, signMaterialsLink } from "@studiosync/core/resources";
import { extractLink, outboxDrained, readMail } from "@studiosync/local/testing";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { acceptInvitation, expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * The resource library: a teacher shares a recording with a student from the lesson page, the
 * next morning's "New material" email links to a page that plays it without signing in; the owner
 * uploads a PDF to the library and shares it with the student, who finds both under My materials
 * in the portal.
 */
let site: Site;
let owner: Client;
let ownerEmail = "";
let sessions: BrowserSessions;
let studioId = "";
let slug = "";
let base = "";
let lessonId = "";
const tess = { email: uniqueOwner("tess").email, id: "" };
const sam = { email: uniqueOwner("sam").email, id: "" };
/** An MP3 a browser plays: an ID3 header, then a second of silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz). */
const MP3 = Buffer.concat([
  Buffer.from("ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000", "latin1"),
  ...Array.from({ length: 40 }, () => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413, 0)])),
]);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** The bytes behind a page's file address, fetched as that page's browser would (its cookies, redirects followed). */
async function fetchedBy(page: Page, src: string | null) {
  expect(src).toBeTruthy();
  const response = await page.request.get(new URL(src!, site.webUrl).href);
  return { status: response.status(), body: Buffer.from(await response.body()) };
}

/** The uploads a page's browser sends to storage itself (PUT), and the bodies of the forms it posts. */
function sentBy(page: Page) {
  const sent = { puts: [] as string[], posts: [] as string[] };
  page.on("request", (request) => {
    if (request.method() === "PUT") sent.puts.push(request.url());
    if (request.method() === "POST" && request.isNavigationRequest()) sent.posts.push(request.postDataBuffer()?.toString("latin1") ?? "");
  });
  return sent;
}

/** What Chromium makes of a page's audio element once asked to load it: its duration, or the media error. */
function loadAudio(page: Page) {
  interface AudioElement {
    preload: string;
    duration: number;
    error: { code: number } | null;
    load(): void;
    addEventListener(type: string, listener: () => void): void;
  }
  return page.locator("audio").evaluate(
    (element) =>
      new Promise<{ duration?: number; error?: number }>((resolve) => {
        const audio = element as unknown as AudioElement;
        audio.addEventListener("loadedmetadata", () => resolve({ duration: audio.duration }));
        audio.addEventListener("error", () => resolve({ error: audio.error?.code }));
        audio.preload = "metadata";
        audio.load();
      }),
  );
}

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Riverside Music");
  ({ studioId, slug } = studio);
  ownerEmail = studio.email;
  base = `/dashboard/studios/${studioId}`;
  owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];
  const teacher = await expectStatus("teacher", s.teachers.$post({ param, json: { firstName: "Tess", lastName: "Tutor", email: tess.email } }), 201);
  tess.id = (await teacher.json()).id;
  const student = await expectStatus(
    "student",
    s.students.$post({ param, json: { firstName: "Sam", lastName: "Scales", email: sam.email, primaryTeacherId: tess.id } }),
    201,
  );
  sam.id = (await student.json()).id;
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCHours(10, 0, 0, 0);
  const [lesson] = await Promise.all([
    expectStatus(
      "lesson",
      s.lessons.$post({ param, json: { teacherId: tess.id, studentId: sam.id, type: "private", durationMinutes: 30, scheduledStart: start.toISOString() } }),
      201,
    ),
    expectStatus("invite teacher", s.invitations.$post({ param, header: {}, json: { email: tess.email, role: "teacher", teacherId: tess.id } }), 201),
    expectStatus("invite student", s.invitations.$post({ param, header: {}, json: { email: sam.email, role: "student", studentId: sam.id } }), 201),
  ]);
  lessonId = (await lesson.json()).id;
  await Promise.all([acceptInvitation(site.apiUrl, tess.email, "Tess Tutor"), acceptInvitation(site.apiUrl, sam.email, "Sam Scales")]);
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("the resource library", { timeout: 120_000 }, () => {
  it("a teacher shares a recording from the lesson page; the next morning's email opens a page that plays it", async () => {
    const teacher = await sessions.signIn(tess.email, `${base}/lessons/${lessonId}`);
    const materials = teacher.locator("#materials");
    await materials.getByText("Nothing shared with this lesson yet.").waitFor();

    // A kind of file the library doesn't take is refused before a byte is sent, in the page.
    await materials
      .getByLabel("Recording, score or video")
      .setInputFiles({ name: "Setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
    await materials.getByRole("button", { name: "Upload and share" }).click();
    await materials.getByText("“Setup.exe” isn't a kind of file the library takes.").waitFor();
    expect(await materials.getByLabel("Recording, score or video").getAttribute("aria-invalid")).toBe("true");

    // A file that isn't what its name says is refused, in words, under the file field.
    await materials.getByLabel("Recording, score or video").setInputFiles({ name: "Duet.mp3", mimeType: "audio/mpeg", buffer: Buffer.from("just some words") });
    await materials.getByRole("button", { name: "Upload and share" }).click();
    await materials.getByText("“Duet.mp3” isn't an audio recording inside").waitFor();

    // The page's script sends the file from the browser straight to storage and posts only where it went.
    const sent = sentBy(teacher);
    await materials.getByLabel("Recording, score or video").setInputFiles({ name: "Duet.mp3", mimeType: "audio/mpeg", buffer: MP3 });
    await materials.getByLabel("Title").fill("Duet recording");
    await materials.getByLabel("What to do with it").fill("Play along twice a day.");
    await Promise.all([
      teacher.waitForURL((url) => url.searchParams.get("saved") === "material-uploaded"),
      materials.getByRole("button", { name: "Upload and share" }).click(),
    ]);
    await teacher.getByText("Uploaded and shared with the lesson.").waitFor();
    expect(sent.puts).toEqual([expect.stringMatching(new RegExp(`/${studioId}/resources/[0-9a-f-]+\\.mp3\\?`))]);
    expect(sent.posts.some((body) => body.includes("storedKey") && !body.includes("ID3"))).toBe(true);
    await materials.getByRole("link", { name: "Duet recording", exact: true }).waitFor();
    const played = await fetchedBy(teacher, await materials.locator("audio").getAttribute("src"));
    expect(played.status).toBe(200);
    expect(played.body.equals(MP3)).toBe(true);
    await sessions.expectAccessible(teacher);

    // The daily job: one email to the student, linking to their materials.
    await announceMaterials({ now: new Date(Date.now() + 86_400_000) });
    await outboxDrained(studioId);
    const [mail] = await readMail(sam.email, { subject: "New material from" });
    expect(mail!.subject).toContain("Duet recording");
    const link = extractLink(mail!.body.text ?? "", `/${slug}/materials/`);

    const family = await sessions.newPage();
    await family.goto(link);
    await family.getByRole("heading", { name: "Materials for Sam Scales" }).waitFor();
    await family.getByText("Play along twice a day.").waitFor();
    const audio = family.locator("audio");
    expect(await audio.count()).toBe(1);
    const fromEmail = await fetchedBy(family, await audio.getAttribute("src"));
    expect(fromEmail.status).toBe(200);
    expect(fromEmail.body.equals(MP3)).toBe(true);
    // The browser itself plays it: the player follows the site's address to storage and reads the recording.
    const loaded = await loadAudio(family);
    expect(loaded.error).toBeUndefined();
    expect(loaded.duration).toBeGreaterThan(0.9);
    const download = await fetchedBy(family, await family.getByRole("link", { name: /^Download Duet recording/ }).getAttribute("href"));
    expect(download.status).toBe(200);
    await sessions.expectAccessible(family);

    // An altered link is a 404 page, not an error; an expired one sends them to the portal.
    expect((await family.goto(`${link}x`))?.status()).toBe(404);
    await family.getByRole("heading", { name: "Page not found" }).waitFor();
    const expired = signMaterialsLink(studioId, `student#${sam.id}`, new Date(Date.now() - 31 * 86_400_000));
    expect((await family.goto(`${site.webUrl}/${slug}/materials/${expired}`))?.status()).toBe(410);
    await family.getByRole("heading", { name: "This link has expired" }).waitFor();
    await family.getByRole("link", { name: "Sign in to the portal" }).waitFor();
  });

  it("the owner uploads a PDF to the library and shares it with the student, who finds it under My materials", async () => {
    const admin = await sessions.signIn(ownerEmail, `${base}/library`);
    await admin.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Library" }).waitFor();
    await admin.getByText(/Storage:.* of 10 GB used/).waitFor();
    await admin.getByRole("link", { name: "Upload a file" }).first().click();
    await admin.getByLabel("File", { exact: true }).setInputFiles({ name: "Scales in C.pdf", mimeType: "application/pdf", buffer: PDF });
    await admin.getByLabel("Instrument").fill("Piano");
    await admin.getByLabel("Tags").fill("scales, grade 1");
    await admin.getByLabel("Share with a student").selectOption({ label: "Sam Scales" });
    await Promise.all([
      admin.waitForURL((url) => url.searchParams.get("saved") === "uploaded-shared"),
      admin.getByRole("button", { name: "Upload", exact: true }).click(),
    ]);
    await admin.getByRole("heading", { name: "Scales in C", level: 1 }).waitFor();
    await admin.locator("#sharing").getByText("Sam Scales").waitFor();
    const preview = await fetchedBy(admin, await admin.locator("iframe").getAttribute("src"));
    expect(preview.status).toBe(200);
    expect(preview.body.equals(PDF)).toBe(true);
    await sessions.expectAccessible(admin);

    // In a browser that runs no script, the form posts the file and the site sends it to storage.
    const noScript = await sessions.signIn(ownerEmail, new URL(admin.url()).pathname, { javaScript: false });
    const corrected = Buffer.concat([PDF, Buffer.from("% corrected fingering\n")]);
    await noScript
      .getByLabel("New version", { exact: true })
      .setInputFiles({ name: "Scales in C (corrected).pdf", mimeType: "application/pdf", buffer: corrected });
    await Promise.all([
      noScript.waitForURL((url) => url.searchParams.get("saved") === "version"),
      noScript.getByRole("button", { name: "Upload the new version" }).click(),
    ]);
    await noScript.getByText("The new version is uploaded.").waitFor();
    const current = await fetchedBy(
      noScript,
      await noScript.getByRole("link", { name: "Download version 2 (Scales in C (corrected).pdf)" }).getAttribute("href"),
    );
    expect([current.status, current.body.toString("latin1")]).toEqual([200, corrected.toString("latin1")]);

    await admin.goto(`${site.webUrl}${base}/library?tag=scales`);
    const row = admin.getByRole("row").filter({ hasText: "Scales in C" });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/PDF[\s\S]*Piano/);
    await sessions.expectAccessible(admin);

    const student = await sessions.signIn(sam.email, `/portal/studios/${studioId}/materials`);
    await student.getByRole("heading", { name: "My materials" }).waitFor();
    const titles = await student.locator(".material h2").allInnerTexts();
    expect(titles).toEqual(["Scales in C", "Duet recording"]);
    const pdf = await fetchedBy(student, await student.getByRole("link", { name: /^Download Scales in C/ }).getAttribute("href"));
    expect(pdf.status).toBe(200);
    expect(pdf.body.equals(corrected)).toBe(true);
    await sessions.expectAccessible(student);
  });
});
