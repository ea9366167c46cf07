import { randomUUID } from "node:crypto";
import { Notifications, Scheduling } from "@studiosync/core";
import { outboxDb } from "@studiosync/core/outbox";
import { REMINDER_JOB, scheduleDb } from "@studiosync/core/scheduling";
import { zonedInstant } from "@studiosync/core/kernel";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { outboxConsumerFor, readMail } from "@studiosync/local/testing";
import { handler } from "../src/modules/scheduling/jobs/send-lesson-reminders";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson } from "./support/lessons";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TZ = "America/New_York";

let owner: Owner;
let teacher: { id: string; firstName: string; lastName: string };
let familyId: string;
let guardianEmail: string;

/** How many reminders `email` has received (the job has returned, so they are in SES local already). */
/** Reminders `email` got, once at least `expected` arrived (the outbox sends them just after the job's commits). */
const remindersTo = async (email: string, expected: number) => (await readMail(email, { count: expected, subject: "Reminder" })).length;

const dueIn = async (hour: string) => (await scheduleDb().entities.reminderDue.query.reminderDue({ hour }).go()).data;

/** A local date `days` from today in the studio's zone, and the instant of `time` on it. */
function localLesson(days: number, time: string) {
  const date = new Date(Date.now() + days * DAY).toLocaleDateString("en-CA", { timeZone: TZ });
  return zonedInstant(date, time, TZ).toISOString();
}

async function studentWithEmail(extra: Record<string, unknown> = {}) {
  const email = uniqueEmail("student");
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, email, instrument: "cello", ...extra });
  return { ...student, email: email.toLowerCase() };
}

async function book(studentId: string, scheduledStart: string, extra: Record<string, unknown> = {}) {
  const res = await bookLesson(owner, { teacherId: teacher.id, studentId, scheduledStart, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const { data } = await scheduleDb().entities.lesson.get({ studioId: owner.studio.id, lessonId: res.body.id }).go();
  return data!;
}

/** Cancels a lesson through the API as the owner (the policy's outcome is not under test here). */
async function cancelLesson(lessonId: string) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/cancel`, { token: owner.accessToken, body: { reason: "Teacher unwell" } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

let outbox: StreamPoller | undefined;
afterAll(() => outbox?.stop());

beforeAll(async () => {
  // The job reads every studio's reminder buckets: this file gets a table of its own.
  const env = inject("localEnv");
  const tableName = `reminders-${randomUUID()}`;
  await ensureTableAndBucket({ tableName, bucketName: env.bucketName, dynamodbEndpoint: env.dynamodbEndpoint, s3Endpoint: env.s3Endpoint });
  applyLocalEnv({ ...env, tableName });
  // Its own outbox consumer too: the global one serves the shared table only.
  outbox = await outboxConsumerFor(tableName);

  owner = await ownerWithStudio({ timeZone: TZ, studioName: "Harmony House" });
  teacher = await addTeacher(owner, { firstName: "Tess", lastName: "Tuner" });
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "Keys Family" } });
  familyId = family.body.id;
  guardianEmail = uniqueEmail("guardian").toLowerCase();
  for (const guardian of [
    { firstName: "Maria", lastName: "Keys", relationship: "mother", email: guardianEmail },
    { firstName: "Jon", lastName: "Keys", relationship: "father" },
  ]) {
    const res = await api("POST", `/v1/studios/${owner.studio.id}/families/${familyId}/guardians`, { token: owner.accessToken, body: guardian });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});

describe("the lesson reminder job", () => {
  it("reminds at once of a lesson booked inside the lead time (it re-reads the current hour)", async () => {
    const student = await studentWithEmail();
    const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 5 * HOUR).toISOString();
    const bookedFrom = new Date().toISOString().slice(0, 13);
    const lesson = await book(student.id, start);
    expect([bookedFrom, new Date().toISOString().slice(0, 13)]).toContain(lesson.reminderHour);

    const run = await Scheduling.sendLessonReminders({ now: new Date() });
    expect(run).toMatchObject({ sent: 1, failed: 0 });
    expect(await remindersTo(student.email, 1)).toBe(1);
    // The current hour is not done yet: the cursor stops before it.
    const { data: cursor } = await scheduleDb().entities.jobCursor.get({ job: REMINDER_JOB }).go();
    expect(cursor!.doneThrough < lesson.reminderHour!).toBe(true);
  });

  it("emails the student and each guardian with an email once, with the lesson in the studio's local time", async () => {
    const student = await studentWithEmail({ familyId, firstName: "Sam", lastName: "Keys" });
    const start = localLesson(3, "16:00");
    const lesson = await book(student.id, start, { roomName: "Studio A", location: "12 Main St" });
    const hour = new Date(Date.parse(start) - DAY).toISOString().slice(0, 13);
    expect(lesson.reminderHour).toBe(hour);
    expect((await dueIn(hour)).map((d) => d.lessonId)).toContain(lesson.lessonId);

    const now = new Date(Date.parse(start) - DAY + 10 * 60_000);
    const first = await Scheduling.sendLessonReminders({ now });
    expect(first).toMatchObject({ lessons: 1, sent: 2, failed: 0 });
    expect(await dueIn(hour)).toEqual([]);

    const [toStudent] = await readMail(student.email, { subject: "Reminder" });
    const [toGuardian] = await readMail(guardianEmail, { subject: "Reminder" });
    const zone = new Intl.DateTimeFormat("en-US", { timeZone: TZ, timeZoneName: "short" })
      .formatToParts(new Date(start))
      .find((p) => p.type === "timeZoneName")!.value;
    const date = new Intl.DateTimeFormat("en-US", { timeZone: TZ, weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(new Date(start));
    for (const mail of [toStudent!, toGuardian!]) {
      expect(mail.subject).toContain("Reminder: lesson at “Harmony House” on");
      expect(mail.subject).toContain(`at 4:00 PM ${zone}`);
      const text = mail.body.text!;
      expect(text).toContain(`When: ${date}, 4:00 PM – 4:45 PM ${zone} (America/New_York)`);
      expect(text).toContain("Lesson: Cello lesson for Sam Keys with Tess Tuner");
      expect(text).toContain("Where: Studio A, 12 Main St");
      expect(text).toContain("what the studio's cancellation policy means");
      expect(text).toMatch(/Can't make it\?: http:\/\/127\.0\.0\.1:4321\/[a-z0-9-]+\/act\/cancel\//);
      expect(text).toMatch(/Ask to move it: http:\/\/127\.0\.0\.1:4321\/[a-z0-9-]+\/act\/move\//);
      expect(mail.body.html).toContain("Harmony House");
      // From the studio, replies to it (issue 12: emails that feel like the studio's).
      expect(mail.from).toBe('"Harmony House via StudioSync" <no-reply@studiosync.local>');
    }
    expect(toStudent!.body.text).toMatch(/^Hi Sam,/);
    expect(toGuardian!.body.text).toMatch(/^Hi Maria,/);

    // Run twice: nothing more. Even with the bucket item back (a run that died before deleting it), nobody gets a second email.
    expect(await Scheduling.sendLessonReminders({ now })).toMatchObject({ sent: 0, failed: 0 });
    await scheduleDb().entities.reminderDue.put({ hour, studioId: owner.studio.id, lessonId: lesson.lessonId }).go();
    expect(await Scheduling.sendLessonReminders({ now: new Date(now.getTime() + 60_000) })).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(await dueIn(hour)).toEqual([]);
    expect(await remindersTo(student.email, 1)).toBe(1);
    expect(await remindersTo(guardianEmail, 1)).toBe(1);
  });

  it("sends nothing for a cancelled lesson", async () => {
    const student = await studentWithEmail();
    const start = localLesson(4, "10:00");
    const lesson = await book(student.id, start);
    const hour = lesson.reminderHour!;
    await cancelLesson(lesson.lessonId);
    expect(await dueIn(hour)).toEqual([]);
    // A leftover bucket item (as if the cancel had raced the job) is dropped without an email.
    await scheduleDb().entities.reminderDue.put({ hour, studioId: owner.studio.id, lessonId: lesson.lessonId }).go();

    const run = await Scheduling.sendLessonReminders({ now: new Date(Date.parse(start) - DAY + 60_000) });
    expect(run).toMatchObject({ sent: 0, skipped: 1, failed: 0 });
    expect(await dueIn(hour)).toEqual([]);
    expect(await remindersTo(student.email, 0)).toBe(0);
  });

  it("enqueues each reminder with its dedup record (issue 10 #21: the outbox sends and retries it), and the handler runs the job", async () => {
    const student = await studentWithEmail();
    const start = localLesson(5, "11:30");
    const lesson = await book(student.id, start);
    const hour = lesson.reminderHour!;
    const now = new Date(Date.parse(start) - DAY + 2 * HOUR);

    const run = await Scheduling.sendLessonReminders({ now });
    expect(run).toMatchObject({ sent: 1, failed: 0 });
    expect(await dueIn(hour)).toEqual([]);
    const { data: sent } = await scheduleDb().entities.reminderSent.query.reminderSent({ studioId: owner.studio.id, lessonId: lesson.lessonId }).go();
    expect(sent).toHaveLength(1);
    const { data: messages } = await outboxDb()
      .entities.outboxMessage.query.message({ scope: owner.studio.id })
      .begins({ messageId: `lesson-reminder#${lesson.lessonId}#` })
      .go({ consistent: true });
    expect(messages).toHaveLength(1);
    expect(await remindersTo(student.email, 1)).toBe(1);
    expect(run.doneThrough! > hour).toBe(true);

    // The Lambda entry point runs the same job with the real clock: nothing is due now.
    await expect(handler()).resolves.toMatchObject({ failed: 0 });
    expect(await remindersTo(student.email, 1)).toBe(1);
  });

  it("leaves out an address that unsubscribed from this studio's reminders (one-click POST, RFC 8058)", async () => {
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "Quiet Family" } });
    const quietEmail = uniqueEmail("quiet").toLowerCase();
    const guardian = { firstName: "Quinn", lastName: "Quiet", relationship: "mother", email: quietEmail };
    expect(
      (await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, { token: owner.accessToken, body: guardian })).status,
    ).toBe(201);
    const student = await studentWithEmail({ familyId: family.body.id, firstName: "Quincy", lastName: "Quiet" });

    const { "List-Unsubscribe": header } = Notifications.unsubscribeHeaders(owner.studio.id, quietEmail.toUpperCase(), "reminders");
    const path = new URL(header!.slice(1, -1)).pathname;
    const oneClick = await api("POST", path, { rawBody: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(oneClick.status).toBe(200);
    expect(await Notifications.isOptedOut(owner.studio.id, quietEmail, "reminders")).toBe(true);
    expect(await Notifications.isOptedOut(owner.studio.id, quietEmail, "slot-offers")).toBe(false);

    const start = localLesson(5, "17:00");
    await book(student.id, start);
    const run = await Scheduling.sendLessonReminders({ now: new Date(Date.parse(start) - DAY + 10 * 60_000) });
    expect(run).toMatchObject({ unsubscribed: 1, failed: 0 });
    expect(await remindersTo(student.email, 1)).toBe(1);
    await expect(readMail(quietEmail, { subject: "Reminder", timeoutMs: 1000 })).rejects.toThrow(/got 0/);
  });
});
