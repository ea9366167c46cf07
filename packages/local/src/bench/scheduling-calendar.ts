import { randomUUID } from "node:crypto";
import { scheduleDb } from "@studiosync/core/scheduling";
import type { Fixtures, Owner, Session } from "./fixtures";
import { batchPut } from "./batch-put";
import { type AnyScenario, defineScenario } from "./scenario";

/**
 * Calendar reads in a small and a large studio: a teacher's week, a student's month and the
 * studio's day, each with 1,000 and with 100,000 lessons, so their cost (two DynamoDB calls)
 * and latency can be compared across sizes. Lessons and their attendee items are written
 * straight into the table (BatchWriteItem through ElectroDB, untimed setup): 12 a week per
 * teacher (Monday to Saturday, 15:00 and 16:30 UTC), each of a teacher's 12 students weekly,
 * spread over about two years around today, so one teacher's week holds 12 lessons in both sizes
 * (1,000 lessons: one teacher over 84 weeks; 100,000: 80 teachers over 105 weeks).
 */
type SignedIn = Owner & Session;

const PER_WEEK = 12;
const DAY_MS = 86_400_000;
const SLOTS = ["15:00", "16:30"];

interface SeededStudio {
  owner: SignedIn;
  teacherId: string;
  studentId: string;
  /** A Monday 00:00 UTC in the middle of the seeded span. */
  monday: string;
}

/** The Monday (UTC) of the week `weeks` from now's week. */
function mondayOf(weeks: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + weeks * 7);
  return d;
}

function lessonsOf(studioId: string, size: number) {
  const teachers = Math.max(1, Math.round(size / (PER_WEEK * 104)));
  const weeks = Math.ceil(size / (teachers * PER_WEEK));
  const first = mondayOf(-Math.floor(weeks / 2));
  const teacherIds = Array.from({ length: teachers }, () => randomUUID());
  const studentIds = teacherIds.map(() => Array.from({ length: PER_WEEK }, () => randomUUID()));
  const now = new Date().toISOString();
  const lessons = [];
  for (let w = 0; w < weeks && lessons.length < size; w++) {
    for (let t = 0; t < teachers && lessons.length < size; t++) {
      for (let k = 0; k < PER_WEEK && lessons.length < size; k++) {
        const day = new Date(first.getTime() + (w * 7 + Math.floor(k / SLOTS.length)) * DAY_MS).toISOString().slice(0, 10);
        const start = new Date(`${day}T${SLOTS[k % SLOTS.length]}:00.000Z`);
        lessons.push({
          studioId,
          lessonId: randomUUID(),
          teacherId: teacherIds[t]!,
          studentId: studentIds[t]![k]!,
          studentIds: [studentIds[t]![k]!],
          type: "private" as const,
          status: "scheduled" as const,
          scheduledStart: start.toISOString(),
          scheduledEnd: new Date(start.getTime() + 45 * 60_000).toISOString(),
          roomKey: "none",
          editedByHand: false,
          createdBy: "bench",
          updatedBy: "bench",
          createdAt: now,
          updatedAt: now,
        });
      }
    }
  }
  return { lessons, teacherId: teacherIds[0]!, studentId: studentIds[0]![0]! };
}

/** Seeds `size` lessons with their attendee items; returns how long it took. */
export async function seedLessons(studioId: string, size: number) {
  const started = performance.now();
  const { lesson, lessonAttendee } = scheduleDb().entities;
  const { lessons, teacherId, studentId } = lessonsOf(studioId, size);
  const attendees = lessons.map((l) => ({
    studioId,
    lessonId: l.lessonId,
    studentId: l.studentId,
    familyId: "none",
    teacherId: l.teacherId,
    scheduledStart: l.scheduledStart,
    scheduledEnd: l.scheduledEnd,
    lesson: l,
  }));
  const go = { concurrent: 16 };
  await Promise.all([
    batchPut(
      (items) => lesson.put(items).go(go),
      lessons,
      (k) => k.lessonId,
    ),
    batchPut(
      (items) => lessonAttendee.put(items).go(go),
      attendees,
      (k) => `${k.lessonId}|${k.studentId}`,
    ),
  ]);
  return { teacherId, studentId, seconds: (performance.now() - started) / 1000 };
}

const seeded = new Map<number, Promise<SeededStudio>>();

/** One studio per size, shared by its three scenarios. */
function studioOf(fixtures: Fixtures, size: number): Promise<SeededStudio> {
  let studio = seeded.get(size);
  if (!studio) {
    studio = (async () => {
      const owner = await fixtures.signedInOwner();
      const { teacherId, studentId, seconds } = await seedLessons(owner.studioId, size);
      console.log(`\n    seeded ${size.toLocaleString("en")} lessons and their attendees in ${seconds.toFixed(1)} s`);
      return { owner, teacherId, studentId, monday: mondayOf(1).toISOString() };
    })();
    seeded.set(size, studio);
  }
  return studio;
}

const plus = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY_MS).toISOString();

/** Untimed calls before measuring, so the first scenario does not pay for the JIT and connection warm-up the others get for free. */
const WARM_UP = 30;

function calendarScenario(size: number, what: string, query: (s: SeededStudio) => string) {
  const request = (s: SeededStudio) => ({ path: `/v1/studios/${s.owner.studioId}/lessons?${query(s)}`, token: s.owner.accessToken });
  return defineScenario<SeededStudio>({
    name: `GET /v1/studios/{studioId}/lessons (${what}, ${size.toLocaleString("en")} lessons)`,
    expectStatus: 200,
    setup: async (fixtures) => {
      const studio = await studioOf(fixtures, size);
      let page: { items: unknown[] } = { items: [] };
      for (let i = 0; i < WARM_UP; i++) page = await fixtures.expectJson(request(studio), 200);
      if (page.items.length === 0) throw new Error(`${what} (${size} lessons): the page is empty; the seed does not cover it`);
      process.stdout.write(`(${page.items.length} on the page) `);
      return studio;
    },
    request,
  });
}

/** A teacher's week (12 lessons), a student's month (4–5) and the studio's day (first page of 25), in each size. */
export const schedulingCalendarScenarios: AnyScenario[] = [1_000, 100_000].flatMap((size) => [
  calendarScenario(size, "a teacher's week", (s) => `teacherId=${s.teacherId}&from=${s.monday}&to=${plus(s.monday, 7)}&limit=25`),
  calendarScenario(size, "a student's month", (s) => `studentId=${s.studentId}&from=${s.monday}&to=${plus(s.monday, 30)}&limit=25`),
  calendarScenario(size, "the studio's day", (s) => `from=${s.monday}&to=${plus(s.monday, 1)}&limit=25`),
]);
