import { describe, expect, it } from "vitest";
import { AppError } from "../../src/kernel/errors";
import type { StudioMember } from "../../src/policy";
import { applyLessonUpdate } from "../../src/scheduling/lessons/apply-lesson-update";
import { lessonCalendarQuerySchema } from "../../src/scheduling/lessons/calendar-query";
import { calendarScope } from "../../src/scheduling/lessons/calendar-scope";
import { STATUS_EDGES } from "../../src/scheduling/lessons/lesson-transitions";
import type { LessonRecord } from "../../src/scheduling/lessons/lesson-view";
import { LESSON_STATUSES } from "../../src/scheduling/lessons/lesson.entity";

const NOW = new Date("2027-03-10T12:00:00.000Z");
const lesson = (over: Partial<LessonRecord> = {}): LessonRecord => ({
  studioId: "s",
  lessonId: "l",
  teacherId: "tA",
  studentId: "s1",
  studentIds: ["s1"],
  type: "private",
  status: "scheduled",
  scheduledStart: "2027-03-12T16:00:00.000Z",
  scheduledEnd: "2027-03-12T16:45:00.000Z",
  roomKey: "none",
  editedByHand: false,
  createdAt: "2027-01-01T00:00:00.000Z",
  updatedAt: "2027-01-01T00:00:00.000Z",
  ...over,
});
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, paths: error.details.errors?.map((e) => e.path) };
    throw error;
  }
  throw new Error("expected an AppError");
};

describe("lesson status edges", () => {
  it("are exactly the documented ones", () => {
    const edges = LESSON_STATUSES.flatMap((from) => STATUS_EDGES[from].map((to) => `${from}→${to}`));
    expect(edges).toEqual(["scheduled→in_progress", "scheduled→completed", "scheduled→no_show", "in_progress→completed"]);
  });

  it("refuses a lesson that has not begun, allowing a 15-minute early start", () => {
    expect(failure(() => applyLessonUpdate(lesson(), { status: "in_progress" }, NOW))).toEqual({ code: "conflict", paths: ["status"] });
    const almost = new Date(Date.parse("2027-03-12T15:46:00.000Z"));
    expect(applyLessonUpdate(lesson(), { status: "in_progress" }, almost)).toMatchObject({ status: "in_progress", actualStart: almost.toISOString() });
  });
});

describe("applying a lesson update", () => {
  it("moves keeping the length, or to a new end or length", () => {
    expect(applyLessonUpdate(lesson(), { scheduledStart: "2027-03-13T10:00:00.000Z" }, NOW)).toMatchObject({ scheduledEnd: "2027-03-13T10:45:00.000Z" });
    expect(applyLessonUpdate(lesson(), { durationMinutes: 60 }, NOW)).toMatchObject({
      scheduledStart: "2027-03-12T16:00:00.000Z",
      scheduledEnd: "2027-03-12T17:00:00.000Z",
    });
    expect(failure(() => applyLessonUpdate(lesson(), { scheduledStart: "2027-03-01T10:00:00.000Z" }, NOW)).paths).toEqual(["scheduledStart"]);
  });

  it("hands a lesson to a substitute and back", () => {
    const subbed = applyLessonUpdate(lesson(), { substituteTeacherId: "tB" }, NOW);
    expect(subbed).toMatchObject({ teacherId: "tB", originalTeacherId: "tA" });
    const other = applyLessonUpdate(subbed, { substituteTeacherId: "tC" }, NOW);
    expect(other).toMatchObject({ teacherId: "tC", originalTeacherId: "tA" });
    const back = applyLessonUpdate(other, { substituteTeacherId: null }, NOW);
    expect(back.teacherId).toBe("tA");
    expect(back.originalTeacherId).toBeUndefined();
    expect(applyLessonUpdate(subbed, { substituteTeacherId: "tA" }, NOW).originalTeacherId).toBeUndefined();
  });

  it("leaves finished lessons alone except their actual times, and marks pattern lessons edited by hand", () => {
    const done = lesson({ status: "completed", scheduledStart: "2027-03-09T16:00:00.000Z", scheduledEnd: "2027-03-09T16:45:00.000Z" });
    expect(failure(() => applyLessonUpdate(done, { title: "x" }, NOW)).code).toBe("conflict");
    expect(failure(() => applyLessonUpdate(done, { roomName: "A" }, NOW)).paths).toEqual(["roomName"]);
    expect(applyLessonUpdate(done, { actualEnd: "2027-03-09T16:50:00.000Z" }, NOW).actualEnd).toBe("2027-03-09T16:50:00.000Z");
    expect(failure(() => applyLessonUpdate(lesson({ status: "cancelled" }), { title: "x" }, NOW)).code).toBe("conflict");
    expect(applyLessonUpdate(lesson({ patternId: "p" }), { title: "x" }, NOW).editedByHand).toBe(true);
    expect(applyLessonUpdate(lesson(), { roomName: " Studio  A" }, NOW).roomKey).toBe("studio a");
  });
});

describe("which calendar a member reads", () => {
  const query = (extra: Record<string, string> = {}) => lessonCalendarQuerySchema.parse({ from: "2027-03-01T00:00:00Z", to: "2027-03-08T00:00:00Z", ...extra });
  const member = (role: StudioMember["role"], links: Partial<StudioMember> = {}): StudioMember => ({ userId: "u", role, ...links });
  const refused = (run: () => unknown) => failure(run).code;

  it("defaults to the member's own calendar", () => {
    expect(calendarScope(member("owner"), query(), null)).toEqual({ kind: "studio" });
    expect(calendarScope(member("teacher", { teacherId: "tA" }), query(), null)).toEqual({ kind: "teacher", teacherId: "tA" });
    expect(calendarScope(member("student", { studentId: "s1" }), query(), null)).toEqual({ kind: "student", studentId: "s1" });
    expect(calendarScope(member("parent", { familyId: "f" }), query(), null)).toEqual({ kind: "family", familyId: "f" });
    expect(calendarScope(member("teacher"), query(), null)).toEqual({ kind: "empty" });
  });

  it("lets members filter only to what is theirs", () => {
    const teacher = member("teacher", { teacherId: "tA" });
    expect(calendarScope(teacher, query({ studentId: "s1" }), { studentId: "s1", primaryTeacherId: "tA" })).toEqual({
      kind: "student",
      studentId: "s1",
      taughtBy: "tA",
    });
    expect(refused(() => calendarScope(teacher, query({ studentId: "s2" }), { studentId: "s2", primaryTeacherId: "tB" }))).toBe("forbidden");
    expect(refused(() => calendarScope(teacher, query({ teacherId: "tB" }), null))).toBe("forbidden");
    const parent = member("parent", { familyId: "f" });
    expect(calendarScope(parent, query({ studentId: "s1" }), { studentId: "s1", familyId: "f" })).toEqual({ kind: "student", studentId: "s1" });
    expect(refused(() => calendarScope(parent, query({ familyId: "g" }), null))).toBe("forbidden");
    expect(refused(() => calendarScope(parent, query({ roomName: "A" }), null))).toBe("forbidden");
    expect(calendarScope(member("admin"), query({ roomName: "Studio  A " }), null)).toEqual({ kind: "room", roomKey: "studio a" });
  });

  it("caps the range at 92 days", () => {
    expect(lessonCalendarQuerySchema.safeParse({ from: "2027-01-01T00:00:00Z", to: "2027-04-03T00:00:00Z" }).success).toBe(true);
    expect(lessonCalendarQuerySchema.safeParse({ from: "2027-01-01T00:00:00Z", to: "2027-04-03T00:00:01Z" }).success).toBe(false);
  });
});
