import { randomUUID } from "node:crypto";
import { occurrenceLessonId } from "@studiosync/core/planning";
import { DEFAULT_SCHEDULING_SETTINGS, scheduleDb } from "@studiosync/core/scheduling";
import { addDays, localParts, offsetMinutes, weekdayOf } from "@studiosync/core/kernel";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { addStudent, addTeacher, auditActions, memberWithRole, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const url = (studioId: string, rest = "") => `/v1/studios/${studioId}/recurring-patterns${rest}`;
const today = (zone: string) => localParts(new Date(), zone).date;

/** A studio in `timeZone` with a teacher and two of their students; lessons materialise `horizonWeeks` ahead (null: the default). */
async function studioWith(timeZone: string, horizonWeeks: number | null = 52) {
  const owner = await ownerWithStudio({ timeZone });
  const studioId = owner.studio.id;
  if (horizonWeeks)
    await scheduleDb()
      .entities.schedulingSettings.put({ studioId, ...DEFAULT_SCHEDULING_SETTINGS, horizonWeeks })
      .go();
  const teacher = await addTeacher(owner);
  const [s1, s2] = await Promise.all([addStudent(owner, { primaryTeacherId: teacher.id }), addStudent(owner, { primaryTeacherId: teacher.id })]);
  return { owner, studioId, teacherId: teacher.id, s1: s1.id, s2: s2.id, zone: timeZone };
}
type Studio = Awaited<ReturnType<typeof studioWith>>;

const create = (s: Studio, body: Record<string, unknown>, token = s.owner.accessToken) =>
  api("POST", url(s.studioId), {
    token,
    body: { teacherId: s.teacherId, studentId: s.s1, frequency: "weekly", startTime: "16:00", durationMinutes: 45, ...body },
  });

async function teacherLessons(studioId: string, teacherId: string) {
  const { data } = await scheduleDb().entities.lesson.query.teacherCalendar({ studioId, teacherId }).go({ pages: "all" });
  return data;
}
const byDate = (lessons: Awaited<ReturnType<typeof teacherLessons>>) => new Map(lessons.map((l) => [l.occurrenceDate ?? l.lessonId, l]));

/** The first local date on or after `from` whose UTC offset differs from the day before: a DST change. */
function nextDstChange(zone: string, from: string) {
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  for (let date = from; ; date = addDays(date, 1)) {
    if (offsetMinutes(noon(addDays(date, 1)), zone) !== offsetMinutes(noon(date), zone)) return addDays(date, 1);
  }
}

let ny: Studio;
let london: Studio;
let intruder: Owner;
beforeAll(async () => {
  [ny, london, intruder] = await Promise.all([studioWith("America/New_York"), studioWith("Europe/London"), ownerWithStudio()]);
});

describe("POST /v1/studios/{studioId}/recurring-patterns", () => {
  it.each([["America/New_York"], ["Europe/London"]])("makes 12 weekly lessons at 16:00 local across a DST change in %s", async (zone) => {
    const s = zone === "America/New_York" ? ny : london;
    // At least two days ahead, so tomorrow's first lesson is still before the change.
    const change = nextDstChange(zone, addDays(today(zone), 1));
    const startDate = [addDays(today(zone), 1), addDays(change, -35)].sort().pop()!;
    const endDate = addDays(startDate, 77);
    const res = await create(s, { startDate, endDate, title: "Piano", roomName: "Studio A" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      teacherId: s.teacherId,
      studentId: s.s1,
      studentIds: [s.s1],
      frequency: "weekly",
      dayOfWeek: weekdayOf(startDate),
      startDate,
      endDate,
      startTime: "16:00",
      timeZone: zone,
      isActive: true,
      materialisedThrough: endDate,
      skipped: [],
      lessonsCreated: 12,
      lessonsRemoved: 0,
    });
    const lessons = (await teacherLessons(s.studioId, s.teacherId)).filter((l) => l.patternId === res.body.id);
    expect(lessons).toHaveLength(12);
    expect(lessons.map((l) => l.occurrenceDate)).toEqual(Array.from({ length: 12 }, (_, i) => addDays(startDate, 7 * i)));
    for (const lesson of lessons) {
      expect(localParts(lesson.scheduledStart, zone)).toMatchObject({ date: lesson.occurrenceDate, time: "16:00" });
      expect(new Date(lesson.scheduledEnd).getTime() - new Date(lesson.scheduledStart).getTime()).toBe(45 * 60_000);
      expect(lesson).toMatchObject({
        status: "scheduled",
        editedByHand: false,
        studentIds: [s.s1],
        title: "Piano",
        roomKey: "studio a",
        lessonId: occurrenceLessonId(res.body.id, lesson.occurrenceDate!),
      });
    }
    // The change falls inside the series: the UTC hour of 16:00 local moves.
    expect(new Set(lessons.map((l) => l.scheduledStart.slice(11, 16))).size).toBe(2);
    const { data: attendees } = await scheduleDb()
      .entities.lessonAttendee.query.studentCalendar({ studioId: s.studioId, studentId: s.s1 })
      .go({ pages: "all" });
    expect(attendees.filter((a) => lessons.some((l) => l.lessonId === a.lessonId))).toHaveLength(12);
    expect(await auditActions(s.studioId, "recurringPattern", res.body.id)).toEqual(["recurringPattern.created"]);
    // Cleanup for later tests of this studio: end it (its untouched lessons go).
    expect((await api("DELETE", url(s.studioId, `/${res.body.id}`), { token: s.owner.accessToken })).status).toBe(204);
  });

  it("materialises up to the studio's horizon (12 weeks by default) and starts on the first dayOfWeek on or after startDate", async () => {
    const s = await studioWith("America/New_York", null);
    const from = addDays(today(s.zone), 1);
    const dayOfWeek = (weekdayOf(from) % 7) + 1; // the day after `from`'s weekday
    const res = await create(s, { startDate: from, dayOfWeek });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const first = addDays(from, 1);
    expect(res.body).toMatchObject({ startDate: first, dayOfWeek, endDate: null, materialisedThrough: addDays(today(s.zone), 84) });
    const dates = (await teacherLessons(s.studioId, s.teacherId)).map((l) => l.occurrenceDate);
    const expected: string[] = [];
    for (let d = first; d <= addDays(today(s.zone), 84); d = addDays(d, 7)) expected.push(d);
    expect(dates).toEqual(expected);
    expect(res.body.lessonsCreated).toBe(expected.length);
  });

  it("refuses the whole pattern with a 409 naming the conflicting lesson and its date, writing nothing", async () => {
    const s = await studioWith("America/New_York");
    const start = addDays(today(s.zone), 3);
    const first = await create(s, { startDate: start, endDate: addDays(start, 70) });
    expect(first.status).toBe(201);
    const clashDate = addDays(start, 14);
    const res = await create(s, { studentId: s.s2, startDate: clashDate, startTime: "16:30", durationMinutes: 30 });
    expect(res.status).toBe(409);
    const lessonId = occurrenceLessonId(first.body.id, clashDate);
    expect(res.body.conflicts).toEqual([expect.objectContaining({ lessonId, resource: "teacher", resourceId: s.teacherId })]);
    expect(res.body.detail).toContain(clashDate);
    expect(res.body.detail).toContain(lessonId);
    expect(paths(res)).toEqual(["startDate"]);
    const listed = await api("GET", url(s.studioId, `?studentId=${s.s2}`), { token: s.owner.accessToken });
    expect(listed.body.items).toEqual([]);
    const { data } = await scheduleDb().entities.lessonAttendee.query.studentCalendar({ studioId: s.studioId, studentId: s.s2 }).go();
    expect(data).toEqual([]);
  });

  it("skips occurrences on closures and lists them with the reason", async () => {
    const s = await studioWith("Europe/London");
    const start = addDays(today(s.zone), 2);
    const closed = addDays(start, 21);
    await scheduleDb()
      .entities.closure.create({
        studioId: s.studioId,
        closureId: randomUUID(),
        startDate: addDays(closed, -1),
        endDate: addDays(closed, 2),
        reason: "Half term",
        createdBy: "test",
      })
      .go();
    const res = await create(s, { startDate: start, endDate: addDays(start, 35) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.lessonsCreated).toBe(5);
    expect(res.body.skipped).toEqual([
      { date: closed, reason: `closed: Half term (${addDays(closed, -1)} – ${addDays(closed, 2)})`, conflictingLessonId: null },
    ]);
    expect([...byDate(await teacherLessons(s.studioId, s.teacherId)).keys()]).not.toContain(closed);
  });

  it("books a band's members into a group pattern's lessons", async () => {
    const s = await studioWith("America/New_York");
    const band = await api("POST", `/v1/studios/${s.studioId}/bands`, { token: s.owner.accessToken, body: { name: "Trio" } });
    for (const studentId of [s.s1, s.s2]) {
      expect((await api("PUT", `/v1/studios/${s.studioId}/bands/${band.body.id}/members/${studentId}`, { token: s.owner.accessToken })).status).toBeLessThan(
        300,
      );
    }
    const start = addDays(today(s.zone), 2);
    const res = await create(s, {
      studentId: undefined,
      bandId: band.body.id,
      type: "ensemble",
      frequency: "biweekly",
      startDate: start,
      endDate: addDays(start, 42),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ bandId: band.body.id, studentId: null, lessonsCreated: 4 });
    expect(res.body.studentIds.sort()).toEqual([s.s1, s.s2].sort());
    const lessons = await teacherLessons(s.studioId, s.teacherId);
    expect(lessons.map((l) => l.occurrenceDate)).toEqual([0, 14, 28, 42].map((d) => addDays(start, d)));
    for (const studentId of [s.s1, s.s2]) {
      const { data } = await scheduleDb().entities.lessonAttendee.query.studentCalendar({ studioId: s.studioId, studentId }).go();
      expect(data).toHaveLength(4);
    }
  });

  it("commits a pattern larger than one transaction in chunks of at most 100 items, and edits it the same way", async () => {
    const s = await studioWith("Europe/London");
    const band = await api("POST", `/v1/studios/${s.studioId}/bands`, { token: s.owner.accessToken, body: { name: "Sextet" } });
    const extra = await Promise.all(Array.from({ length: 4 }, () => addStudent(s.owner)));
    const members = [s.s1, s.s2, ...extra.map((x) => x.id)];
    for (const studentId of members) await api("PUT", `/v1/studios/${s.studioId}/bands/${band.body.id}/members/${studentId}`, { token: s.owner.accessToken });
    const start = addDays(today(s.zone), 1);
    // 12 lessons × (lesson + 6 attendees + reminder + 7 day schedules) ≈ 180 items: two transactions.
    const res = await create(s, {
      studentId: undefined,
      bandId: band.body.id,
      type: "ensemble",
      startDate: start,
      endDate: addDays(start, 77),
      roomName: "Hall",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ lessonsCreated: 12, materialisedThrough: addDays(start, 77) });
    expect(await auditActions(s.studioId, "recurringPattern", res.body.id)).toEqual(["recurringPattern.created", "recurringPattern.materialised"]);
    for (const studentId of members) {
      const { data } = await scheduleDb().entities.lessonAttendee.query.studentCalendar({ studioId: s.studioId, studentId }).go();
      expect(data).toHaveLength(12);
    }
    const edited = await api("PATCH", url(s.studioId, `/${res.body.id}`), {
      token: s.owner.accessToken,
      body: { effectiveFrom: addDays(start, 7), startTime: "18:30" },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ lessonsRemoved: 11, lessonsCreated: 11, materialisedThrough: addDays(start, 77) });
    const times = (await teacherLessons(s.studioId, s.teacherId)).map((l) => localParts(l.scheduledStart, s.zone).time);
    expect(times).toEqual(["16:00", ...Array(11).fill("18:30")]);
    const { data: attendees } = await scheduleDb().entities.lessonAttendee.query.studentCalendar({ studioId: s.studioId, studentId: extra[3]!.id }).go();
    expect(attendees).toHaveLength(12);
  });

  it("names each invalid field, and refuses dates in the past", async () => {
    const res = await api("POST", url(ny.studioId), {
      token: ny.owner.accessToken,
      body: {
        teacherId: ny.teacherId,
        studentId: ny.s1,
        type: "solo",
        frequency: "daily",
        startDate: "2026-02-30",
        startTime: "25:00",
        durationMinutes: 2,
        dayOfWeek: 8,
      },
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["dayOfWeek", "durationMinutes", "frequency", "startDate", "startTime", "type"]);
    expect(paths(await create(ny, { bandId: "b", type: "group", startDate: addDays(today(ny.zone), 7) }))).toEqual(["studentId"]);
    expect(paths(await create(ny, { studentId: undefined, bandId: "b", type: "private", startDate: addDays(today(ny.zone), 7) }))).toEqual(["type"]);
    const past = await create(ny, { startDate: addDays(today(ny.zone), -1) });
    expect(past.status).toBe(422);
    expect(paths(past)).toEqual(["startDate"]);
    const backwards = await create(ny, { startDate: addDays(today(ny.zone), 7), endDate: addDays(today(ny.zone), 6) });
    expect(paths(backwards)).toEqual(["endDate"]);
    const foreign = await create(ny, { startDate: addDays(today(ny.zone), 7), teacherId: randomUUID() });
    expect(paths(foreign)).toEqual(["teacherId"]);
  });

  it("lets a teacher make patterns for their own students only; students may not", async () => {
    const s = await studioWith("America/New_York");
    const other = await addStudent(s.owner);
    const teacher = await memberWithRole(s.owner, "teacher", { teacherId: s.teacherId });
    const student = await memberWithRole(s.owner, "student", { studentId: s.s1 });
    const start = addDays(today(s.zone), 4);
    expect((await create(s, { startDate: start, endDate: start }, teacher.accessToken)).status).toBe(201);
    expect((await create(s, { studentId: other.id, startDate: start, startTime: "09:00" }, teacher.accessToken)).status).toBe(403);
    expect((await create(s, { startDate: start, startTime: "10:00" }, student.accessToken)).status).toBe(403);
  });
});

describe("GET /v1/studios/{studioId}/recurring-patterns", () => {
  it("shows admins all, teachers their own, students and parents theirs, with filters and pages", async () => {
    const s = await studioWith("America/New_York");
    const familyRes = await api("POST", `/v1/studios/${s.studioId}/families`, { token: s.owner.accessToken, body: { name: "Family" } });
    const guardian = await api("POST", `/v1/studios/${s.studioId}/families/${familyRes.body.id}/guardians`, {
      token: s.owner.accessToken,
      body: { firstName: "Gus", lastName: "G", relationship: "father" },
    });
    await api("PATCH", `/v1/studios/${s.studioId}/students/${s.s2}`, { token: s.owner.accessToken, body: { familyId: familyRes.body.id } });
    const otherTeacher = await addTeacher(s.owner);
    const s3 = await addStudent(s.owner, { primaryTeacherId: otherTeacher.id });
    const start = addDays(today(s.zone), 5);
    const p1 = await create(s, { startDate: start, endDate: start });
    const p2 = await create(s, { studentId: s.s2, startDate: start, endDate: start, startTime: "17:00" });
    const p3 = await create(s, { teacherId: otherTeacher.id, studentId: s3.id, startDate: start, endDate: start });
    expect([p1.status, p2.status, p3.status]).toEqual([201, 201, 201]);

    const ids = async (token: string, query = "") => {
      const res = await api("GET", url(s.studioId, query), { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.items as { id: string }[]).map((p) => p.id).sort();
    };
    const teacher = await memberWithRole(s.owner, "teacher", { teacherId: s.teacherId });
    const student = await memberWithRole(s.owner, "student", { studentId: s.s1 });
    const parent = await memberWithRole(s.owner, "parent", { guardianId: guardian.body.id, familyId: familyRes.body.id });
    expect(await ids(s.owner.accessToken)).toEqual([p1.body.id, p2.body.id, p3.body.id].sort());
    expect(await ids(s.owner.accessToken, `?teacherId=${otherTeacher.id}`)).toEqual([p3.body.id]);
    expect(await ids(s.owner.accessToken, `?studentId=${s.s2}&active=true`)).toEqual([p2.body.id]);
    expect(await ids(s.owner.accessToken, "?active=false")).toEqual([]);
    expect(await ids(teacher.accessToken)).toEqual([p1.body.id, p2.body.id].sort());
    expect(await ids(student.accessToken)).toEqual([p1.body.id]);
    expect(await ids(parent.accessToken)).toEqual([p2.body.id]);
    expect((await api("GET", url(s.studioId, `?teacherId=${otherTeacher.id}`), { token: teacher.accessToken })).status).toBe(403);
    expect((await api("GET", url(s.studioId, `?studentId=${s.s2}`), { token: student.accessToken })).status).toBe(403);

    const firstPage = await api("GET", url(s.studioId, "?limit=2"), { token: s.owner.accessToken });
    expect(firstPage.body.items).toHaveLength(2);
    const second = await api("GET", url(s.studioId, `?limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`), { token: s.owner.accessToken });
    expect(second.body.items).toHaveLength(1);
    expect((await api("GET", url(s.studioId, "?cursor=garbage"), { token: s.owner.accessToken })).status).toBe(422);

    expect((await api("GET", url(s.studioId, `/${p1.body.id}`), { token: student.accessToken })).status).toBe(200);
    expect((await api("GET", url(s.studioId, `/${p2.body.id}`), { token: student.accessToken })).status).toBe(404);
    expect((await api("GET", url(intruder.studio.id, `/${p1.body.id}`), { token: intruder.accessToken })).status).toBe(404);
  });
});

describe("PATCH /v1/studios/{studioId}/recurring-patterns/{patternId} (from a date)", () => {
  it("changes only future untouched lessons; hand-edited and cancelled ones stay and keep their date", async () => {
    const s = await studioWith("America/New_York");
    const start = addDays(today(s.zone), 1);
    const dates = Array.from({ length: 10 }, (_, i) => addDays(start, 7 * i));
    const created = await create(s, { startDate: start, endDate: dates[9], title: "Piano" });
    expect(created.body.lessonsCreated).toBe(10);
    const patternId = created.body.id;

    // By hand: lesson 6 moved to 18:00, lesson 8 cancelled (written directly, as the lesson routes would).
    const { lesson: lessons } = scheduleDb().entities;
    const moved = { ...(await lessons.get({ studioId: s.studioId, lessonId: occurrenceLessonId(patternId, dates[5]!) }).go()).data! };
    await lessons.patch({ studioId: s.studioId, lessonId: moved.lessonId }).set({ editedByHand: true, title: "Moved" }).go();
    await lessons
      .patch({ studioId: s.studioId, lessonId: occurrenceLessonId(patternId, dates[7]!) })
      .set({ status: "cancelled", editedByHand: true })
      .go();

    const effectiveFrom = dates[4]!;
    const res = await api("PATCH", url(s.studioId, `/${patternId}`), {
      token: s.owner.accessToken,
      body: { effectiveFrom, startTime: "17:00", title: "Piano (later)" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      continues: patternId,
      startDate: effectiveFrom,
      startTime: "17:00",
      endDate: dates[9],
      title: "Piano (later)",
      lessonsRemoved: 4,
      lessonsCreated: 4,
    });
    expect(res.body.skipped.map((x: { date: string }) => x.date)).toEqual([dates[5], dates[7]]);
    const old = await api("GET", url(s.studioId, `/${patternId}`), { token: s.owner.accessToken });
    expect(old.body).toMatchObject({
      endDate: addDays(effectiveFrom, -1),
      continuedBy: res.body.id,
      materialisedThrough: addDays(effectiveFrom, -1),
      isActive: true,
    });

    const after = byDate(await teacherLessons(s.studioId, s.teacherId));
    expect(after.size).toBe(10);
    for (const [i, date] of dates.entries()) {
      const lesson = after.get(date)!;
      const local = localParts(lesson.scheduledStart, s.zone).time;
      if (i < 4) expect([lesson.patternId, local, lesson.title]).toEqual([patternId, "16:00", "Piano"]);
      else if (i === 5) expect([lesson.patternId, lesson.title, lesson.editedByHand]).toEqual([patternId, "Moved", true]);
      else if (i === 7) expect([lesson.patternId, lesson.status]).toEqual([patternId, "cancelled"]);
      else
        expect([lesson.patternId, local, lesson.title, lesson.lessonId]).toEqual([
          res.body.id,
          "17:00",
          "Piano (later)",
          occurrenceLessonId(res.body.id, date),
        ]);
    }
    // The removed lessons are gone with their attendees, and their 16:00 slots are free again.
    const { data: attendees } = await scheduleDb()
      .entities.lessonAttendee.query.studentCalendar({ studioId: s.studioId, studentId: s.s1 })
      .go({ pages: "all" });
    expect(attendees.map((a) => a.lessonId).sort()).toEqual([...after.values()].map((l) => l.lessonId).sort());
    const reuse = await create(s, { studentId: s.s2, startDate: dates[6], endDate: dates[6] });
    expect(reuse.status, JSON.stringify(reuse.body)).toBe(201);
    expect(await auditActions(s.studioId, "recurringPattern", patternId)).toEqual(["recurringPattern.created", "recurringPattern.split"]);

    // The old pattern cannot be edited again; its continuation can.
    expect((await api("PATCH", url(s.studioId, `/${patternId}`), { token: s.owner.accessToken, body: { startTime: "18:00" } })).status).toBe(409);
  });

  it("moves the day, refuses a conflict before writing anything, and checks who may edit", async () => {
    const s = await studioWith("Europe/London");
    const start = addDays(today(s.zone), 1);
    const p = await create(s, { startDate: start, endDate: addDays(start, 49) });
    const blocker = await create(s, { studentId: s.s2, startDate: addDays(start, 15), endDate: addDays(start, 15), startTime: "16:15" });
    expect([p.status, blocker.status]).toEqual([201, 201]);
    const newDay = weekdayOf(addDays(start, 1));
    const before = await teacherLessons(s.studioId, s.teacherId);

    const clash = await api("PATCH", url(s.studioId, `/${p.body.id}`), {
      token: s.owner.accessToken,
      body: { effectiveFrom: addDays(start, 7), dayOfWeek: newDay },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0].lessonId).toBe(occurrenceLessonId(blocker.body.id, addDays(start, 15)));
    expect(clash.body.detail).toContain(addDays(start, 15));
    expect(await teacherLessons(s.studioId, s.teacherId)).toEqual(before);
    expect((await api("GET", url(s.studioId, `/${p.body.id}`), { token: s.owner.accessToken })).body.continuedBy).toBeNull();

    const student = await memberWithRole(s.owner, "student", { studentId: s.s1 });
    const otherTeacher = await memberWithRole(s.owner, "teacher", { teacherId: (await addTeacher(s.owner)).id });
    const body = { effectiveFrom: addDays(start, 7), dayOfWeek: newDay, startTime: "09:00" };
    expect((await api("PATCH", url(s.studioId, `/${p.body.id}`), { token: student.accessToken, body })).status).toBe(403);
    expect((await api("PATCH", url(s.studioId, `/${p.body.id}`), { token: otherTeacher.accessToken, body })).status).toBe(404);
    expect(
      (await api("PATCH", url(s.studioId, `/${p.body.id}`), { token: s.owner.accessToken, body: { effectiveFrom: addDays(today(s.zone), -1) } })).status,
    ).toBe(422);

    const moved = await api("PATCH", url(s.studioId, `/${p.body.id}`), { token: s.owner.accessToken, body });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ startDate: addDays(start, 8), dayOfWeek: newDay, startTime: "09:00", lessonsRemoved: 7, lessonsCreated: 6 });
    const mine = (await teacherLessons(s.studioId, s.teacherId)).filter((l) => l.studentIds.includes(s.s1)).map((l) => l.occurrenceDate);
    expect(mine).toEqual([start, ...Array.from({ length: 6 }, (_, i) => addDays(start, 8 + 7 * i))]);
  });
});

describe("ending a pattern", () => {
  it("POST /end removes untouched lessons from the date on; DELETE ends it today", async () => {
    const s = await studioWith("America/New_York");
    const start = addDays(today(s.zone), 1);
    const p = await create(s, { startDate: start, endDate: addDays(start, 35) });
    const cancelled = occurrenceLessonId(p.body.id, addDays(start, 28));
    await scheduleDb().entities.lesson.patch({ studioId: s.studioId, lessonId: cancelled }).set({ status: "cancelled", editedByHand: true }).go();
    const res = await api("POST", url(s.studioId, `/${p.body.id}/end`), { token: s.owner.accessToken, body: { effectiveFrom: addDays(start, 14) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ endDate: addDays(start, 13), isActive: true, lessonsRemoved: 3, lessonsCreated: 0 });
    expect((await teacherLessons(s.studioId, s.teacherId)).map((l) => l.occurrenceDate)).toEqual([start, addDays(start, 7), addDays(start, 28)]);

    expect((await api("DELETE", url(s.studioId, `/${p.body.id}`), { token: s.owner.accessToken })).status).toBe(204);
    const ended = await api("GET", url(s.studioId, `/${p.body.id}`), { token: s.owner.accessToken });
    expect(ended.body).toMatchObject({ endDate: addDays(today(s.zone), -1), isActive: false });
    expect((await teacherLessons(s.studioId, s.teacherId)).map((l) => l.occurrenceDate)).toEqual([addDays(start, 28)]);
    expect((await api("DELETE", url(s.studioId, `/${p.body.id}`), { token: s.owner.accessToken })).status).toBe(409);
    expect(await auditActions(s.studioId, "recurringPattern", p.body.id)).toEqual([
      "recurringPattern.created",
      "recurringPattern.ended",
      "recurringPattern.ended",
    ]);
  });
});
