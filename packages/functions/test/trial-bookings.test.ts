import { beforeAll, describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { growthDb } from "@studiosync/core/growth";
import { api, dbCost, ownerWithStudio, uniqueEmail } from "./support/api";
import { addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Slot = { start: string; end: string; local: { date: string; startTime: string } };
let owner: Owner;
let intruder: Owner;
let teacher: { id: string; firstName: string; lastName: string };

const EVERY_DAY_9_TO_17 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
const SETTINGS = {
  trialsEnabled: true,
  trialLengths: [30, 45],
  trialPriceMinor: 0,
  minNoticeHours: 24,
  horizonDays: 28,
  lessonPrices: [{ minutes: 30, priceMinor: 3500 }],
  businessHours: [{ weekday: 1, start: "09:00", end: "18:00" }],
};

async function publicTeacher(studio: Owner, body: Record<string, unknown> = {}) {
  const created = await addTeacher(studio, { isPublic: true, specialties: ["Piano"], publicBio: "Loves Bach.", qualifications: "BMus (Hons)", ...body });
  const hours = await api("PUT", `/v1/studios/${studio.studio.id}/availability/${created.id}`, {
    token: studio.accessToken,
    body: { weeklyHours: EVERY_DAY_9_TO_17 },
  });
  expect(hours.status, JSON.stringify(hours.body)).toBe(200);
  return created;
}

const teacherPage = (slug: string, teacherId: string, query = "") => api("GET", `/v1/public/studios/${slug}/teachers/${teacherId}${query}`);
const booking = (start: string, overrides: Record<string, unknown> = {}) => ({
  teacherId: teacher.id,
  durationMinutes: 30,
  start,
  student: { firstName: "Ada", lastName: "Lovelace", age: 9, instrument: "Piano", level: "Beginner" },
  contact: { name: "Anne Lovelace", email: uniqueEmail("parent"), phone: "+44 20 7946 0958" },
  message: "She plays a little already.",
  ...overrides,
});
const book = (body: Record<string, unknown>, slug = owner.studio.slug) => api("POST", `/v1/public/studios/${slug}/trial-bookings`, { body });
const leadsOf = async (studioId: string) => (await growthDb().entities.lead.query.lead({ studioId }).go({ pages: "all" })).data;
const tokenIn = (text: string) => /\/trials\/([^\s"<]+)/.exec(text)?.[1] ?? "";

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio({ studioName: "Harbour Music" }), ownerWithStudio()]);
  const set = await api("PUT", `/v1/studios/${owner.studio.id}/booking-settings`, { token: owner.accessToken, body: SETTINGS });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  teacher = await publicTeacher(owner);
});

describe("the public offerings and teacher page", () => {
  it("lists public teachers, instruments, prices and trials, cacheable", async () => {
    const hidden = await addTeacher(owner, { isPublic: false });
    const res = await api("GET", `/v1/public/studios/${owner.studio.slug}/offerings`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("public");
    expect(res.body.studio.slug).toBe(owner.studio.slug);
    expect(res.body.teachers.map((t: { id: string }) => t.id)).toContain(teacher.id);
    expect(res.body.teachers.map((t: { id: string }) => t.id)).not.toContain(hidden.id);
    expect(res.body.teachers.find((t: { id: string }) => t.id === teacher.id)).toMatchObject({ qualifications: "BMus (Hons)", takesTrials: true });
    expect(res.body.instruments).toContain("Piano");
    expect(res.body).toMatchObject({ lessonPrices: SETTINGS.lessonPrices, trial: { enabled: true, lengths: [30, 45], priceMinor: 0 } });
    expect((await api("GET", `/v1/public/studios/${owner.studio.slug}/teachers/${hidden.id}`)).status).toBe(404);
  });

  it("offers a teacher's free trial slots over 14 days after the notice, in 3 DynamoDB calls", async () => {
    const res = await teacherPage(owner.studio.slug, teacher.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(dbCost(res.headers).calls).toBeLessThanOrEqual(3);
    expect(res.body.durationMinutes).toBe(30);
    const slots = res.body.slots as Slot[];
    expect(slots.length).toBeGreaterThan(100);
    expect(Date.parse(slots[0]!.start)).toBeGreaterThanOrEqual(Date.now() + 24 * 3_600_000 - 60_000);
    expect(Date.parse(slots.at(-1)!.start)).toBeLessThan(Date.now() + 15 * 86_400_000);
    expect((await teacherPage(owner.studio.slug, teacher.id, "?durationMinutes=60")).status).toBe(422);
    expect((await teacherPage(intruder.studio.slug, teacher.id)).status).toBe(404);
  });
});

describe("booking a trial from the teacher page", () => {
  it("holds the slot, records the lead and emails the booker and the studio", async () => {
    const slot = ((await teacherPage(owner.studio.slug, teacher.id)).body.slots as Slot[])[4]!;
    const body = booking(slot.start);
    const res = await book(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ start: slot.start, end: slot.end, teacherName: `${teacher.firstName} ${teacher.lastName}` });

    const [confirmation] = await readMail(body.contact.email, { subject: "Trial lesson booked" });
    expect(confirmation!.body.text).toContain("Ada's trial lesson");
    expect(confirmation!.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);
    const [forOwner] = await readMail(owner.email, { subject: "New trial booking: Ada Lovelace" });
    expect(forOwner!.body.text).toMatch(/\/leads\//);

    const after = (await teacherPage(owner.studio.slug, teacher.id)).body.slots as Slot[];
    expect(after.map((s) => s.start)).not.toContain(slot.start);
    const lead = (await leadsOf(owner.studio.id)).find((l) => l.contactEmail === body.contact.email.toLowerCase());
    expect(lead).toMatchObject({ source: "booking", stage: "trial_booked", trialBookingId: res.body.lessonId, studentAge: 9, assignedTeacherId: teacher.id });

    // The teacher's calendar shows the trial.
    const lesson = await api("GET", `/v1/studios/${owner.studio.id}/lessons/${res.body.lessonId}`, { token: owner.accessToken });
    expect(lesson.body).toMatchObject({ title: "Trial lesson: Ada Lovelace", status: "scheduled" });

    // A double submit answers with the same booking and sends nothing more.
    const again = await book(body);
    expect(again.status).toBe(201);
    expect(again.body.lessonId).toBe(res.body.lessonId);

    // The booking page: seen, cancelled once, the slot freed, the lead back to new.
    const token = tokenIn(confirmation!.body.text!);
    const page = await api("GET", `/v1/public/trial-bookings/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ status: "booked", canCancel: true, studentName: "Ada Lovelace" });
    const cancel = await api("POST", `/v1/public/trial-bookings/${token}/cancel`);
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expect(cancel.body).toMatchObject({ status: "cancelled", canCancel: false });
    expect((await api("POST", `/v1/public/trial-bookings/${token}/cancel`)).body.status).toBe("cancelled");
    const [cancelled] = await readMail(body.contact.email, { subject: "Trial lesson cancelled" });
    expect(cancelled!.attachments.some((a) => Buffer.from(a.content, "base64").toString().includes("METHOD:CANCEL"))).toBe(true);
    await readMail(owner.email, { subject: "Trial cancelled: Ada Lovelace" });
    expect(((await teacherPage(owner.studio.slug, teacher.id)).body.slots as Slot[]).map((s) => s.start)).toContain(slot.start);
    const leadAfter = (await leadsOf(owner.studio.id)).find((l) => l.leadId === lead!.leadId);
    expect(leadAfter).toMatchObject({ stage: "new" });
    expect(leadAfter!.trialBookingId).toBeUndefined();

    expect((await api("GET", `/v1/public/trial-bookings/${token.slice(0, -3)}abc`)).status).toBe(404);
  });

  it("lets exactly one of two visitors racing for the same slot have it", async () => {
    const slot = ((await teacherPage(owner.studio.slug, teacher.id)).body.slots as Slot[])[10]!;
    const results = await Promise.all([book(booking(slot.start)), book(booking(slot.start, { student: { firstName: "Bo", lastName: "Racer" } }))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe("trial.slot_taken");
  });

  it("refuses times outside the teacher's hours, the notice, the horizon and lengths not offered", async () => {
    const slots = (await teacherPage(owner.studio.slug, teacher.id)).body.slots as Slot[];
    const errorOf = async (body: Record<string, unknown>) => {
      const res = await book(body);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      return res.body.errors[0];
    };
    const night = new Date(Date.parse(slots[0]!.start) - 10 * 3_600_000).toISOString();
    expect(await errorOf(booking(new Date(Date.now() + 2 * 3_600_000).toISOString()))).toMatchObject({ path: "start" });
    expect(await errorOf(booking(new Date(Date.now() + 40 * 86_400_000).toISOString()))).toMatchObject({ path: "start" });
    expect((await book(booking(night))).status).toBe(422);
    expect(await errorOf(booking(slots[0]!.start, { durationMinutes: 60 }))).toMatchObject({ path: "durationMinutes" });
    expect(await errorOf(booking(slots[0]!.start, { contact: { name: "X", email: "not-an-email" } }))).toMatchObject({ path: "contact.email" });
    // Another studio's teacher is not bookable through this studio's page.
    const theirs = await publicTeacher(intruder);
    expect((await book(booking(slots[0]!.start, { teacherId: theirs.id }))).status).toBe(404);
  });
});

describe("enquiries", () => {
  it("become one lead per student and contact, acknowledged, and are rate limited per address", async () => {
    const email = uniqueEmail("enquirer");
    const body = {
      student: { firstName: "Cleo", lastName: "Keys", age: 12 },
      contact: { name: "Carla Keys", email },
      availability: "Weekday evenings",
      message: "Does she need her own piano?",
      teacherId: teacher.id,
    };
    const res = await api("POST", `/v1/public/studios/${owner.studio.slug}/enquiries`, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await readMail(email, { subject: "has your enquiry" });
    await readMail(owner.email, { subject: "New enquiry: Cleo Keys" });
    for (let i = 0; i < 4; i++) expect((await api("POST", `/v1/public/studios/${owner.studio.slug}/enquiries`, { body })).status).toBe(202);
    const leads = (await leadsOf(owner.studio.id)).filter((l) => l.contactEmail === email.toLowerCase());
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: "enquiry", stage: "new", availability: "Weekday evenings", assignedTeacherId: teacher.id });
    expect((await api("POST", `/v1/public/studios/${owner.studio.slug}/enquiries`, { body })).status).toBe(429);
  });
});

describe("a teacher's photo", () => {
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  it("is uploaded by the teacher's admins through a presigned URL and shown on the public page; others' keys are refused", async () => {
    const ticket = await api("POST", `/v1/studios/${owner.studio.id}/teachers/${teacher.id}/photo-upload`, {
      token: owner.accessToken,
      body: { contentType: "image/png", contentLength: PNG.length },
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
    expect(ticket.body.key).toMatch(new RegExp(`^${owner.studio.id}/teachers/${teacher.id}/photo-.+\\.png$`));
    const early = await api("PATCH", `/v1/studios/${owner.studio.id}/teachers/${teacher.id}`, {
      token: owner.accessToken,
      body: { photoKey: ticket.body.key },
    });
    expect(early.status).toBe(422);
    expect((await fetch(ticket.body.uploadUrl, { method: "PUT", headers: ticket.body.headers, body: PNG })).status).toBe(200);
    const patched = await api("PATCH", `/v1/studios/${owner.studio.id}/teachers/${teacher.id}`, {
      token: owner.accessToken,
      body: { photoKey: ticket.body.key },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.photoKey).toBe(ticket.body.key);

    const page = await teacherPage(owner.studio.slug, teacher.id);
    const photo = await fetch(page.body.teacher.photoUrl);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);

    // Another teacher's key, or another studio's, is refused.
    const other = await addTeacher(owner);
    const foreign = await api("PATCH", `/v1/studios/${owner.studio.id}/teachers/${other.id}`, {
      token: owner.accessToken,
      body: { photoKey: ticket.body.key },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe("photoKey");
    expect(
      (
        await api("POST", `/v1/studios/${intruder.studio.id}/teachers/${teacher.id}/photo-upload`, {
          token: intruder.accessToken,
          body: { contentType: "image/png", contentLength: 10 },
        })
      ).status,
    ).toBe(404);
  });
});

describe("booking settings", () => {
  it("are validated field by field", async () => {
    const res = await api("PUT", `/v1/studios/${owner.studio.id}/booking-settings`, {
      token: owner.accessToken,
      body: { ...SETTINGS, trialLengths: [30, 30], businessHours: [{ weekday: 1, start: "18:00", end: "09:00" }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["businessHours.0.end", "trialLengths.1"]);
    const read = await api("GET", `/v1/studios/${owner.studio.id}/booking-settings`, { token: owner.accessToken });
    expect(read.body).toMatchObject(SETTINGS);
  });
});
