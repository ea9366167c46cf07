import { randomUUID } from "node:crypto";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { outboxConsumerFor } from "@studiosync/local/testing";
import { materialiseLessons, occurrenceLessonId, planningDb } from "@studiosync/core/planning";
import { scheduleDb } from "@studiosync/core/scheduling";
import { addDays, localParts, zonedInstant } from "@studiosync/core/kernel";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { handler } from "../src/modules/planning/jobs/materialise-lessons";
import { api, ownerWithStudio } from "./support/api";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ZONE = "America/New_York";
const DAY = 86_400_000;
const today = () => localParts(new Date(), ZONE).date;
const later = (days: number) => new Date(Date.now() + days * DAY);

let owner: Owner;
let teacherId: string;
let studentId: string;

async function studioLessons() {
  const { data } = await scheduleDb().entities.lesson.query.studioCalendar({ studioId: owner.studio.id }).go({ pages: "all" });
  return data;
}
const idsOf = (lessons: { lessonId: string }[]) => lessons.map((l) => l.lessonId).sort();
async function pattern(patternId: string) {
  return (await api("GET", `/v1/studios/${owner.studio.id}/recurring-patterns/${patternId}`, { token: owner.accessToken })).body;
}
async function createPattern(body: Record<string, unknown>) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/recurring-patterns`, {
    token: owner.accessToken,
    body: { teacherId, studentId, frequency: "weekly", startTime: "16:00", durationMinutes: 45, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; materialisedThrough: string | null };
}

// The job reads every studio's active patterns, so this file has a table of its own.
// Its own table needs its own outbox consumer (sign-up's verification email).
let outbox: StreamPoller | undefined;
afterAll(() => outbox?.stop());
beforeAll(async () => {
  const env = { ...inject("localEnv"), tableName: `studiosync-materialise-${randomUUID().slice(0, 8)}` };
  applyLocalEnv(env);
  await ensureTableAndBucket(env);
  outbox = await outboxConsumerFor(env.tableName);
  owner = await ownerWithStudio({ timeZone: ZONE });
  teacherId = (await addTeacher(owner)).id;
  studentId = (await addStudent(owner, { primaryTeacherId: teacherId })).id;
});

describe("materialiseLessons", () => {
  it("creates nothing twice, and advances with the horizon as days pass", async () => {
    const weekly = await createPattern({ startDate: addDays(today(), 1) });
    expect(weekly.materialisedThrough).toBe(addDays(today(), 84));
    const start = addDays(today(), 100);
    const future = await createPattern({ startDate: start, startTime: "10:00" });
    expect(future.materialisedThrough).toBeNull();
    const made = await studioLessons();

    const first = await materialiseLessons({ now: new Date() });
    expect(first).toMatchObject({ patterns: 2, lessonsCreated: 0, failed: 0 });
    expect(idsOf(await studioLessons())).toEqual(idsOf(made));

    // A week later: one more weekly lesson, and nothing more on a second run.
    const weekLater = later(7);
    const horizon = addDays(localParts(weekLater, ZONE).date, 84);
    const second = await materialiseLessons({ now: weekLater });
    expect(second).toMatchObject({ patterns: 2, lessonsCreated: 1, failed: 0 });
    const afterSecond = await studioLessons();
    expect(afterSecond).toHaveLength(made.length + 1);
    expect(await materialiseLessons({ now: weekLater })).toMatchObject({ lessonsCreated: 0 });
    expect(idsOf(await studioLessons())).toEqual(idsOf(afterSecond));
    expect((await pattern(weekly.id)).materialisedThrough).toBe(horizon);

    // Once the far pattern's start enters the horizon, its lessons appear at 10:00 local, ids derived from the date.
    const monthLater = later(30);
    expect(await materialiseLessons({ now: monthLater })).toMatchObject({ failed: 0 });
    const farLessons = (await studioLessons()).filter((l) => l.patternId === future.id);
    const lastDate = addDays(localParts(monthLater, ZONE).date, 84);
    const expected: string[] = [];
    for (let d = start; d <= lastDate; d = addDays(d, 7)) expected.push(d);
    expect(farLessons.map((l) => l.occurrenceDate)).toEqual(expected);
    for (const lesson of farLessons) {
      expect(localParts(lesson.scheduledStart, ZONE).time).toBe("10:00");
      expect(lesson.lessonId).toBe(occurrenceLessonId(future.id, lesson.occurrenceDate!));
    }
    const { data: attendees } = await scheduleDb().entities.lessonAttendee.query.studentCalendar({ studioId: owner.studio.id, studentId }).go({ pages: "all" });
    expect(attendees).toHaveLength((await studioLessons()).length);
    expect((await pattern(future.id)).materialisedThrough).toBe(lastDate);
    const twice = await studioLessons();
    expect(await materialiseLessons({ now: monthLater })).toMatchObject({ lessonsCreated: 0, failed: 0 });
    expect(idsOf(await studioLessons())).toEqual(idsOf(twice));
  });

  it("skips occurrences taken by a hand-made lesson or on a closure, and records why", async () => {
    const other = (await addStudent(owner, { primaryTeacherId: teacherId })).id;
    const start = addDays(today(), 85);
    const p = await createPattern({ studentId: other, startDate: start, startTime: "08:00", endDate: addDays(start, 21) });
    expect(p.materialisedThrough).toBeNull();
    // A one-off lesson of the same teacher on the second date, and a closure on the third.
    const lesson = await api("POST", `/v1/studios/${owner.studio.id}/lessons`, {
      token: owner.accessToken,
      body: { teacherId, studentId, scheduledStart: zonedInstant(addDays(start, 7), "08:15", ZONE).toISOString(), durationMinutes: 30 },
    });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    await scheduleDb()
      .entities.closure.create({
        studioId: owner.studio.id,
        closureId: randomUUID(),
        startDate: addDays(start, 14),
        endDate: addDays(start, 14),
        reason: "Snow day",
        createdBy: "test",
      })
      .go();

    const summary = await materialiseLessons({ now: later(40) });
    expect(summary).toMatchObject({ skipped: 2, failed: 0 });
    const made = (await studioLessons()).filter((l) => l.patternId === p.id).map((l) => l.occurrenceDate);
    expect(made).toEqual([start, addDays(start, 21)]);
    const stored = await pattern(p.id);
    expect(stored.skipped).toEqual([
      { date: addDays(start, 7), reason: `conflict: the teacher is already booked then (lesson ${lesson.body.id})`, conflictingLessonId: lesson.body.id },
      { date: addDays(start, 14), reason: `closed: Snow day (${addDays(start, 14)} – ${addDays(start, 14)})`, conflictingLessonId: null },
    ]);
    expect(stored).toMatchObject({ materialisedThrough: addDays(start, 21), isActive: true });

    // Past its end date the pattern becomes inactive and leaves the job's work list.
    const after = await materialiseLessons({ now: later(120) });
    expect(after.deactivated).toBeGreaterThanOrEqual(1);
    expect((await pattern(p.id)).isActive).toBe(false);
    const { data: active } = await planningDb().entities.recurringPattern.query.activePatterns({ isActive: true }).go({ pages: "all" });
    expect(active.map((x) => x.patternId)).not.toContain(p.id);
  });

  it("runs as the scheduled Lambda handler", async () => {
    const summary = await handler();
    expect(summary).toMatchObject({ failed: 0, lessonsCreated: 0 });
    expect(summary.patterns).toBeGreaterThan(0);
  });
});
