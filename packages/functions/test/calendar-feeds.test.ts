import { createHash } from "node:crypto";
import { Teaching } from "@studiosync/core";
import { teachingDb } from "@studiosync/core/teaching";
import { offsetMinutes, zonedInstant } from "@studiosync/core/kernel";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const DAY = 86_400_000;

const feeds = (owner: Owner) => `/v1/studios/${owner.studio.id}/calendar-feeds`;
const createFeed = (owner: Owner, token: string, body: Record<string, unknown>) => api("POST", feeds(owner), { token, body });
/** The feed's public path from its URL (the in-process app answers relative requests). */
const feedPath = (url: string) => new URL(url).pathname;
const tokenOf = (url: string) => /\/v1\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { calendar, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

/** The first UTC day after `from` on which the zone's offset changes (a DST change). */
function nextOffsetChange(timeZone: string, from: Date): Date {
  for (let day = 0; day < 400; day++) {
    const a = new Date(from.getTime() + day * DAY);
    const b = new Date(a.getTime() + DAY);
    if (offsetMinutes(a, timeZone) !== offsetMinutes(b, timeZone)) return b;
  }
  throw new Error(`${timeZone} has no offset change within 400 days`);
}

interface Studio {
  owner: Owner;
  teacher: { id: string; firstName: string; lastName: string };
  student: { id: string; firstName: string; lastName: string };
  familyId: string;
  teacherMember: Member;
  studentMember: Member;
  parentMember: Member;
}

async function studioWithPeople(timeZone: string): Promise<Studio> {
  const owner = await ownerWithStudio({ timeZone });
  const teacher = await addTeacher(owner);
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "Keys Family" } });
  expect(family.status).toBe(201);
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id, instrument: "piano", medicalNotes: "Peanut allergy" });
  const [teacherMember, studentMember, parentMember] = await Promise.all([
    memberWithRole(owner, "teacher", { teacherId: teacher.id }),
    memberWithRole(owner, "student", { studentId: student.id }),
    memberWithRole(owner, "parent", { familyId: family.body.id }),
  ]);
  return { owner, teacher, student, familyId: family.body.id, teacherMember, studentMember, parentMember };
}

async function book(owner: Owner, body: Record<string, unknown>) {
  const res = await bookLesson(owner, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; scheduledStart: string; scheduledEnd: string };
}

/** Cancels a lesson through the API as the owner (the studio cancels; the policy's outcome is not under test here). */
async function cancelLesson(owner: Owner, lessonId: string) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/cancel`, { token: owner.accessToken, body: { reason: "Teacher unwell" } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

let ny: Studio;
let intruder: Owner;

beforeAll(async () => {
  [ny, intruder] = await Promise.all([studioWithPeople("America/New_York"), ownerWithStudio()]);
});

describe("POST /calendar-feeds and GET /v1/calendar/{token}.ics", () => {
  it("gives a teacher a secret URL whose feed, fetched without a login, holds their lessons in the studio's zone", async () => {
    const { owner, teacher, student } = ny;
    const roomed = await book(owner, {
      teacherId: teacher.id,
      studentId: student.id,
      scheduledStart: futureAt(2, 21),
      roomName: "Studio A",
      location: "12 Main St, 2nd floor",
    });
    const online = await book(owner, {
      teacherId: teacher.id,
      studentId: student.id,
      scheduledStart: futureAt(9, 22),
      type: "online",
      onlineUrl: "https://meet.example/ada",
    });
    const cancelled = await book(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(16, 21) });
    await cancelLesson(owner, cancelled.id);
    const beyondWindow = await book(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(200, 21) });
    const otherTeacher = await addTeacher(owner);
    const otherStudent = await addStudent(owner, { primaryTeacherId: otherTeacher.id });
    const notTheirs = await book(owner, { teacherId: otherTeacher.id, studentId: otherStudent.id, scheduledStart: futureAt(3, 21) });

    const created = await createFeed(owner, ny.teacherMember.accessToken, { subjectType: "teacher", subjectId: teacher.id, label: "My lessons, Studio; A" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      subjectType: "teacher",
      subjectId: teacher.id,
      label: "My lessons, Studio; A",
      ownerUserId: ny.teacherMember.userId,
      lastFetchedAt: null,
    });
    expect(created.body.url).toMatch(/^http:\/\/localhost\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    // Only the token's SHA-256 is stored.
    const token = tokenOf(created.body.url);
    const { data: stored } = await teachingDb().entities.calendarFeed.get({ studioId: owner.studio.id, feedId: created.body.id }).go();
    expect(stored!.tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const res = await api("GET", feedPath(created.body.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toContain("private");
    const text = res.body as string;
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text).toContain("X-WR-CALNAME:My lessons\\, Studio\\; A\r\n");
    // Names and places only: never medical notes or cancellation reasons.
    expect(text).not.toContain("Peanut");
    expect(text).not.toContain("Teacher unwell");

    const { calendar, byUid } = parseCalendar(text);
    expect(calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("America/New_York");
    expect([...byUid.keys()].sort()).toEqual([roomed.id, online.id, cancelled.id].map((id) => `${id}@studiosync`).sort());
    expect(byUid.has(`${beyondWindow.id}@studiosync`)).toBe(false);
    expect(byUid.has(`${notTheirs.id}@studiosync`)).toBe(false);

    const first = byUid.get(`${roomed.id}@studiosync`)!;
    expect(first.summary).toBe(`Piano lesson — ${teacher.firstName} ${teacher.lastName} with ${student.firstName} ${student.lastName}`);
    expect(first.location).toBe("Studio A, 12 Main St, 2nd floor");
    expect(first.startDate.zone?.tzid).toBe("America/New_York");
    expect(first.startDate.toJSDate().toISOString()).toBe(roomed.scheduledStart);
    expect(first.endDate.toJSDate().toISOString()).toBe(roomed.scheduledEnd);
    const local = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", hourCycle: "h23" }).format(new Date(roomed.scheduledStart));
    expect(first.startDate.hour).toBe(Number(local));
    expect(first.component.getFirstPropertyValue("status")).toBe("CONFIRMED");

    const second = byUid.get(`${online.id}@studiosync`)!;
    expect(second.summary).toBe(`Online lesson — ${teacher.firstName} ${teacher.lastName} with ${student.firstName} ${student.lastName}`);
    expect(second.location).toBe("https://meet.example/ada");
    expect(second.startDate.toJSDate().toISOString()).toBe(online.scheduledStart);

    const gone = byUid.get(`${cancelled.id}@studiosync`)!;
    expect(gone.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(gone.sequence).toBeGreaterThanOrEqual(0);

    const listed = await api("GET", feeds(owner), { token: ny.teacherMember.accessToken });
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((f: { id: string }) => f.id === created.body.id);
    expect(mine).toMatchObject({ subjectType: "teacher", lastFetchedAt: expect.any(String) });
    expect(mine).not.toHaveProperty("url");
  });

  for (const timeZone of ["America/New_York", "Europe/London"]) {
    it(`keeps a weekly 16:00 lesson at 16:00 ${timeZone} across the next DST change, with the right instants`, async () => {
      const studio = timeZone === "America/New_York" ? ny : await studioWithPeople(timeZone);
      const { owner, teacher, student } = studio;
      const change = nextOffsetChange(timeZone, new Date(Date.now() + 10 * DAY));
      const dates = [new Date(change.getTime() - 7 * DAY), new Date(change.getTime() + 7 * DAY)].map((d) => d.toISOString().slice(0, 10));
      const lessons = [];
      for (const date of dates) {
        lessons.push(
          await book(owner, {
            teacherId: teacher.id,
            studentId: student.id,
            scheduledStart: zonedInstant(date, "16:00", timeZone).toISOString(),
            durationMinutes: 30,
          }),
        );
      }
      // One hour apart in UTC, the same 16:00 on the wall clock.
      expect(Math.abs(Date.parse(lessons[1]!.scheduledStart) - Date.parse(lessons[0]!.scheduledStart) - 14 * DAY)).toBe(3_600_000);

      const created = await createFeed(owner, studio.studentMember.accessToken, { subjectType: "student", subjectId: student.id });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // As a calendar app would fetch it three weeks before the change (the change may be more than 180 days ahead today).
      const text = await Teaching.calendarFeedIcs(tokenOf(created.body.url), new Date(change.getTime() - 21 * DAY));
      const { calendar, byUid } = parseCalendar(text);
      const vtimezone = calendar.getFirstSubcomponent("vtimezone")!;
      expect(vtimezone.getFirstPropertyValue("tzid")).toBe(timeZone);
      expect(vtimezone.getAllSubcomponents("daylight").length).toBeGreaterThan(0);
      for (const lesson of lessons) {
        const event = byUid.get(`${lesson.id}@studiosync`)!;
        expect(event.startDate.zone?.tzid).toBe(timeZone);
        expect([event.startDate.hour, event.startDate.minute]).toEqual([16, 0]);
        expect(event.startDate.toJSDate().toISOString()).toBe(lesson.scheduledStart);
        expect(event.endDate.toJSDate().toISOString()).toBe(lesson.scheduledEnd);
      }
    });
  }

  it("gives a parent their family's lessons, and a feed of one of their children", async () => {
    const { owner, teacher, student, familyId, parentMember } = ny;
    const sibling = await addStudent(owner, { primaryTeacherId: teacher.id, familyId, instrument: "violin" });
    const a = await book(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(5, 13) });
    const b = await book(owner, { teacherId: teacher.id, studentId: sibling.id, scheduledStart: futureAt(5, 14) });

    const family = await createFeed(owner, parentMember.accessToken, { subjectType: "family", subjectId: familyId });
    expect(family.status, JSON.stringify(family.body)).toBe(201);
    const familyFeed = parseCalendar((await api("GET", feedPath(family.body.url))).body);
    expect(familyFeed.byUid.has(`${a.id}@studiosync`)).toBe(true);
    expect(familyFeed.byUid.get(`${b.id}@studiosync`)!.summary).toBe(
      `Violin lesson — ${teacher.firstName} ${teacher.lastName} with ${sibling.firstName} ${sibling.lastName}`,
    );

    const child = await createFeed(owner, parentMember.accessToken, { subjectType: "student", subjectId: sibling.id });
    expect(child.status).toBe(201);
    const childFeed = parseCalendar((await api("GET", feedPath(child.body.url))).body);
    expect(childFeed.byUid.has(`${b.id}@studiosync`)).toBe(true);
    expect(childFeed.byUid.has(`${a.id}@studiosync`)).toBe(false);
  });

  it("refuses subjects the caller may not subscribe to: 403 when they can see it, 404 when they cannot", async () => {
    const { owner, teacher, student, familyId } = ny;
    const other = await addStudent(owner, { firstName: "Olive", lastName: "Other" });
    const asStudent = (body: Record<string, unknown>) => createFeed(owner, ny.studentMember.accessToken, body);
    expect((await asStudent({ subjectType: "student", subjectId: other.id })).status).toBe(404);
    expect((await asStudent({ subjectType: "family", subjectId: familyId })).status).toBe(404);
    expect((await asStudent({ subjectType: "teacher", subjectId: teacher.id })).status).toBe(403);
    // A teacher sees their student but subscribes only to their own calendar.
    expect((await createFeed(owner, ny.teacherMember.accessToken, { subjectType: "student", subjectId: student.id })).status).toBe(403);
    expect((await createFeed(owner, ny.teacherMember.accessToken, { subjectType: "family", subjectId: familyId })).status).toBe(403);
    expect((await createFeed(owner, ny.parentMember.accessToken, { subjectType: "student", subjectId: other.id })).status).toBe(404);
    expect((await createFeed(owner, owner.accessToken, { subjectType: "student", subjectId: "no-such-student" })).status).toBe(404);
    const invalid = await createFeed(owner, owner.accessToken, { subjectType: "band", subjectId: student.id, extra: 1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["extra", "subjectType"]);
  });

  it("answers 404 for another studio's subject", async () => {
    const res = await createFeed(intruder, intruder.accessToken, { subjectType: "student", subjectId: ny.student.id });
    expect(res.status).toBe(404);
  });

  it("revokes a feed: its URL answers 404, it leaves the list, and only its owner or an admin may revoke it", async () => {
    const { owner, student, studentMember } = ny;
    const created = await createFeed(owner, studentMember.accessToken, { subjectType: "student", subjectId: student.id });
    expect(created.status).toBe(201);
    expect((await api("GET", feedPath(created.body.url))).status).toBe(200);

    const path = `${feeds(owner)}/${created.body.id}`;
    expect((await api("DELETE", path, { token: ny.parentMember.accessToken })).status).toBe(404);
    expect((await api("DELETE", path, { token: intruder.accessToken })).status).toBe(404);
    expect((await api("DELETE", path, { token: studentMember.accessToken })).status).toBe(204);
    expect((await api("DELETE", path, { token: studentMember.accessToken })).status).toBe(404);

    const fetched = await api("GET", feedPath(created.body.url));
    expect(fetched.status).toBe(404);
    expect(fetched.headers.get("Content-Type")).toContain("application/problem+json");
    const listed = await api("GET", `${feeds(owner)}?limit=100`, { token: studentMember.accessToken });
    expect(listed.body.items.map((f: { id: string }) => f.id)).not.toContain(created.body.id);

    // An admin sees every member's feeds and may revoke them.
    const another = await createFeed(owner, studentMember.accessToken, { subjectType: "student", subjectId: student.id, label: "Phone" });
    const all = await api("GET", `${feeds(owner)}?limit=100`, { token: owner.accessToken });
    expect(all.body.items.map((f: { id: string }) => f.id)).toContain(another.body.id);
    expect((await api("DELETE", `${feeds(owner)}/${another.body.id}`, { token: owner.accessToken })).status).toBe(204);
    expect((await api("GET", feedPath(another.body.url))).status).toBe(404);
  });

  it("stops working when its owner is no longer an active member, and 404s unknown tokens", async () => {
    const { owner, teacher } = ny;
    const leaving = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
    const created = await createFeed(owner, leaving.accessToken, { subjectType: "teacher", subjectId: teacher.id });
    expect(created.status).toBe(201);
    expect((await api("GET", feedPath(created.body.url))).status).toBe(200);
    const deactivated = await api("POST", `/v1/studios/${owner.studio.id}/members/${leaving.userId}/deactivate`, { token: owner.accessToken });
    expect(deactivated.status, JSON.stringify(deactivated.body)).toBeLessThan(300);
    expect((await api("GET", feedPath(created.body.url))).status).toBe(404);

    expect((await api("GET", `/v1/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await api("GET", "/v1/calendar/short.ics")).status).toBe(404);
    expect((await api("GET", `/v1/calendar/${tokenOf(created.body.url)}`)).status).toBe(404);
  });
});
