import { randomUUID } from "node:crypto";
import { consumeUsageRecords, meteringDb, openUsageMonth, sampleStorage, usageMonthOf, type UsageStreamRecord } from "@studiosync/core/metering";
import { db } from "@studiosync/core/db";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const usageMonth = async (studioId: string, month: string) => (await meteringDb().entities.usageMonth.get({ studioId, month }).go({ consistent: true })).data;
const marks = (owner: Owner, month: string, metric: string, token = owner.accessToken) =>
  api("GET", `/v1/studios/${owner.studio.id}/usage/${month}/${metric}?limit=100`, { token });

/** Polls `read` until `done` holds: the stream's metering consumer counts a moment after the write. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A lesson as the table's stream shows it (NEW_AND_OLD_IMAGES). */
function lessonRecord(studioId: string, start: string, studentIds: string[], status = "scheduled", previous?: string): UsageStreamRecord {
  const image = (s: string) => ({
    __edb_e__: { S: "lesson" },
    studioId: { S: studioId },
    lessonId: { S: `lesson-${start}` },
    scheduledStart: { S: start },
    status: { S: s },
    studentIds: { L: studentIds.map((id) => ({ S: id })) },
  });
  return { eventName: previous ? "MODIFY" : "INSERT", dynamodb: { NewImage: image(status), ...(previous ? { OldImage: image(previous) } : {}) } };
}

describe("metering", () => {
  it("counts a student with eight lessons once, lessons held and emails sent, from the table's stream", async () => {
    const owner = await ownerWithStudio({ timeZone: "America/New_York" });
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "The Lovelaces" } });
    await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, {
      token: owner.accessToken,
      body: { firstName: "Anne", lastName: "Lovelace", relationship: "mother", email: uniqueEmail("anne") },
    });
    const teacher = await addTeacher(owner);
    const ada = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id });
    const ben = await addStudent(owner, { primaryTeacherId: teacher.id });
    // Eight lessons for Ada on one day two weeks ahead (one local month), one for Ben the same day.
    const start = (hour: number) => futureAt(14, hour);
    const month = usageMonthOf(start(12), "America/New_York");
    for (let hour = 12; hour < 20; hour++) {
      const res = await bookLesson(owner, { teacherId: teacher.id, studentId: ada.id, scheduledStart: start(hour), durationMinutes: 30 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: ben.id, scheduledStart: start(20) })).status).toBe(201);

    const counted = await eventually(
      () => usageMonth(owner.studio.id, month),
      (record) => record?.activeStudents === 2,
    );
    expect(counted?.activeStudents).toBe(2);
    const active = await marks(owner, month, "activeStudents");
    expect(active.status, JSON.stringify(active.body)).toBe(200);
    expect(active.body.items.map((m: { label: string }) => m.label).sort()).toEqual(
      [`${ada.firstName} ${ada.lastName}`, `${ben.firstName} ${ben.lastName}`].sort(),
    );

    // Ada's lesson emails to her mother ("Lesson booked") are the studio's mail: each counted when sent.
    const sentMonth = usageMonthOf(new Date(), "America/New_York");
    const emails = await eventually(
      () => marks(owner, sentMonth, "emailsSent"),
      (res) => res.body.items?.length >= 1,
    );
    expect(emails.body.items.length).toBeGreaterThanOrEqual(1);
    expect((await usageMonth(owner.studio.id, sentMonth))?.emailsSent).toBe(emails.body.items.length);

    // The overview: this month so far, and twelve months.
    const overview = await api("GET", `/v1/studios/${owner.studio.id}/usage`, { token: owner.accessToken });
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    expect(overview.body.months).toHaveLength(12);
    expect(overview.body.current.month).toBe(sentMonth);
    expect(overview.body.current.emailsSent).toBeGreaterThanOrEqual(1);
    expect(overview.body.current.bill).toMatchObject({ currency: "USD", priceVersion: expect.any(String) });
  });

  it("counts a lesson held once when it is completed", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/London" });
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const twoHoursAgo = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3_600_000).toISOString();
    const lesson = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: twoHoursAgo, title: "Scales" });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    const done = await api("PATCH", `/v1/studios/${owner.studio.id}/lessons/${lesson.body.id}`, { token: owner.accessToken, body: { status: "completed" } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // A later edit of the completed lesson's record (e.g. its notes) is no second lesson held.
    const month = usageMonthOf(twoHoursAgo, "Europe/London");
    const held = await eventually(
      () => marks(owner, month, "lessonsHeld"),
      (res) => res.body.items?.length === 1,
    );
    expect(held.body.items).toEqual([expect.objectContaining({ key: lesson.body.id, label: "Scales", amount: 1 })]);
    expect((await usageMonth(owner.studio.id, month))?.lessonsHeld).toBe(1);
  });

  it("replays every usage event twice with the same totals, dating each in the studio's zone", async () => {
    const owner = await ownerWithStudio({ timeZone: "America/New_York" });
    const studioId = owner.studio.id;
    const [ada, ben] = [randomUUID(), randomUUID()];
    const batch: UsageStreamRecord[] = [
      // 22:30 on 31 January in New York (03:30 UTC on 1 February): January's.
      lessonRecord(studioId, "2027-02-01T03:30:00.000Z", [ada]),
      // 00:30 on 1 February in New York: February's.
      lessonRecord(studioId, "2027-02-01T05:30:00.000Z", [ada]),
      lessonRecord(studioId, "2027-02-02T15:00:00.000Z", [ada, ben]),
      // Its later changes (started, then held) count the lesson held, and its students no more.
      lessonRecord(studioId, "2027-02-02T15:00:00.000Z", [ada, ben], "in_progress", "scheduled"),
      lessonRecord(studioId, "2027-02-02T15:00:00.000Z", [ada, ben], "completed", "in_progress"),
      lessonRecord(studioId, "2027-02-03T15:00:00.000Z", [ben], "cancelled"),
      {
        eventName: "MODIFY",
        dynamodb: {
          NewImage: {
            __edb_e__: { S: "outboxMessage" },
            scope: { S: studioId },
            messageId: { S: "m1" },
            status: { S: "sent" },
            sentAt: { S: "2027-02-01T04:59:00.000Z" },
            subject: { S: "Hi" },
          },
          OldImage: { __edb_e__: { S: "outboxMessage" }, scope: { S: studioId }, messageId: { S: "m1" }, status: { S: "sending" } },
        },
      },
      // Account mail is not a studio's.
      {
        eventName: "MODIFY",
        dynamodb: {
          NewImage: {
            __edb_e__: { S: "outboxMessage" },
            scope: { S: "accounts" },
            messageId: { S: "m2" },
            status: { S: "sent" },
            sentAt: { S: "2027-02-01T12:00:00.000Z" },
          },
        },
      },
    ];
    for (let run = 0; run < 2; run++) expect(await consumeUsageRecords(batch)).toEqual({ failedIndexes: [] });
    // Both runs at once, too: the marks decide, not the order.
    await Promise.all([consumeUsageRecords(batch), consumeUsageRecords(batch)]);

    expect(await usageMonth(studioId, "2027-01")).toMatchObject({ activeStudents: 1, emailsSent: 1 });
    const february = await usageMonth(studioId, "2027-02");
    expect(february).toMatchObject({ activeStudents: 2, lessonsHeld: 1 });
    expect(february?.emailsSent).toBeUndefined();
  });

  it("samples storage once a local day, carrying a studio into each new month", async () => {
    const owner = await ownerWithStudio({ timeZone: "Pacific/Auckland" });
    const studioId = owner.studio.id;
    const bytes = 3 * 2 ** 30;
    await db().entities.studio.patch({ studioId }).set({ storageBytes: bytes }).go();
    // A studio whose storage changed is metered from that month on (the stream opens it).
    const now = usageMonthOf(new Date(), "Pacific/Auckland");
    await eventually(
      () => usageMonth(studioId, now),
      (record) => Boolean(record),
    );
    expect(await usageMonth(studioId, now)).toBeTruthy();

    // In May 2027, Auckland is UTC+12: the first run after local midnight samples, a second the same local day adds nothing.
    await openUsageMonth(studioId, "2027-05");
    await sampleStorage(new Date("2027-05-15T00:00:00.000Z"));
    await sampleStorage(new Date("2027-05-15T01:00:00.000Z"));
    expect(await usageMonth(studioId, "2027-05")).toMatchObject({ storageByteDays: bytes, storageBytes: bytes, storageSampledOn: "2027-05-15" });
    await sampleStorage(new Date("2027-05-16T00:00:00.000Z"));
    expect((await usageMonth(studioId, "2027-05"))?.storageByteDays).toBe(2 * bytes);

    // 12:30 UTC on 31 May is 00:30 on 1 June in Auckland: June's first sample, and the studio carried into June.
    await sampleStorage(new Date("2027-05-31T12:30:00.000Z"));
    expect(await usageMonth(studioId, "2027-06")).toMatchObject({ storageByteDays: bytes, storageSampledOn: "2027-06-01" });
    const samples = await marks(owner, "2027-05", "storage");
    expect(samples.body.items).toEqual([
      expect.objectContaining({ key: "2027-05-15", amount: bytes }),
      expect.objectContaining({ key: "2027-05-16", amount: bytes }),
    ]);
  });

  it("shows usage to owners and admins only, and another studio's to nobody", async () => {
    const owner = await ownerWithStudio();
    const other = await ownerWithStudio();
    expect((await api("GET", `/v1/studios/${owner.studio.id}/usage`, { token: other.accessToken })).status).toBe(404);
    const bad = await marks(owner, "2026-13", "activeStudents");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("month");
    const metric = await marks(owner, "2026-12", "sms");
    expect(metric.status).toBe(422);
    expect(metric.body.errors[0].path).toBe("metric");
  });
});
