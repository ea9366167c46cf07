import { randomUUID } from "node:crypto";
import { createApp } from "@studiosync/functions";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv, ensureTableAndBucket } from "../src/engines/index";
import type { StreamPoller } from "../src/outbox/stream-poller";
import { DEMO, seedDemo, type SeedResult } from "../src/seed-demo";
import { todayIn } from "@studiosync/core/people";
import { startOfLocalDay } from "@studiosync/core/kernel";
import { HISTORY_WEEKS } from "../src/seed-demo-history";
import { outboxConsumerFor } from "../src/test/own-table-outbox";

const app = createApp();
const DAY = 86_400_000;

async function call(path: string, token?: string, body?: unknown) {
  const res = await app.request(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json as any;
}
const signIn = async (email: string, password: string) => (await call("/v1/auth/login", undefined, { email, password })).accessToken as string;

type Lesson = { id: string; teacherId: string; studentIds: string[]; status: string; scheduledStart: string };

// The demo seeds a fixed slug and fixed emails: it gets a table of its own (and an outbox consumer for it).
let outbox: StreamPoller | undefined;
let seed: SeedResult;
let seedMs: number;
let studioId: string;
let owner: string;
const window = () => `from=${new Date(Date.now() - (7 * HISTORY_WEEKS + 1) * DAY).toISOString()}&to=${new Date(Date.now() + 14 * DAY).toISOString()}`;

beforeAll(async () => {
  const env = { ...inject("localEnv"), tableName: `studiosync-demo-${randomUUID().slice(0, 8)}` };
  applyLocalEnv(env);
  await ensureTableAndBucket(env);
  outbox = await outboxConsumerFor(env.tableName);
  const started = Date.now();
  seed = await seedDemo("http://127.0.0.1:9");
  seedMs = Date.now() - started;
  owner = await signIn(seed.ownerEmail, seed.ownerPassword);
  studioId = (await call("/v1/me", owner)).memberships[0].studio.id;
}, 120_000);
afterAll(() => outbox?.stop());

describe("the demo studio", () => {
  it("seeds once, in a few seconds, and names the three logins", async () => {
    // The time is printed to watch; the bound only catches a runaway seed (measured 15–46 s while
    // the machine ran ~20 processes per core, so it is generous).
    console.log(`seedDemo took ${seedMs} ms`);
    expect(seedMs).toBeLessThan(120_000);
    expect(seed).toMatchObject({ created: true, teacherEmail: DEMO.teacher.email, parentEmail: DEMO.parent.email });
    expect((await seedDemo("http://127.0.0.1:9")).created).toBe(false);
  });

  it("has a teacher member linked to her teacher record, who sees her own month of lessons with attendance", async () => {
    const members = (await call(`/v1/studios/${studioId}/members`, owner)).items as {
      email: string;
      role: string;
      teacherId: string | null;
      familyId: string | null;
    }[];
    const clara = members.find((m) => m.email === DEMO.teacher.email)!;
    expect(clara.role).toBe("teacher");
    expect(clara.teacherId).toBeTruthy();

    const teacher = await signIn(seed.teacherEmail, seed.teacherPassword);
    const me = await call("/v1/me", teacher);
    expect(me.memberships).toEqual([expect.objectContaining({ role: "teacher", studio: expect.objectContaining({ slug: DEMO.slug }) })]);
    const lessons = (await call(`/v1/studios/${studioId}/lessons?${window()}&limit=100`, teacher)).items as Lesson[];
    expect(lessons.every((l) => l.teacherId === clara.teacherId)).toBe(true);
    // The history is the weeks before today; today's lessons come from the patterns (one may
    // already be over, still to be marked, when the test runs late in the day).
    const today = startOfLocalDay(todayIn(DEMO.timeZone), DEMO.timeZone).getTime();
    const past = lessons.filter((l) => Date.parse(l.scheduledStart) < today);
    const future = lessons.filter((l) => Date.parse(l.scheduledStart) > Date.now());
    expect(past.length).toBeGreaterThanOrEqual(2 * (HISTORY_WEEKS - 1));
    expect(future.length).toBeGreaterThanOrEqual(2);
    expect(past.every((l) => l.status === "completed" || l.status === "no_show")).toBe(true);
  });

  it("has a parent member of the Patels, who sees the children's lessons and the notes shared with her", async () => {
    const parent = await signIn(seed.parentEmail, seed.parentPassword);
    expect((await call("/v1/me", parent)).memberships[0].role).toBe("parent");
    const lessons = (await call(`/v1/studios/${studioId}/lessons?${window()}&limit=100`, parent)).items as Lesson[];
    const children = new Set(lessons.flatMap((l) => l.studentIds));
    expect(children.size).toBe(2);
    const past = lessons.filter((l) => Date.parse(l.scheduledStart) < Date.now());
    const notes = (await Promise.all(past.map((l) => call(`/v1/studios/${studioId}/lessons/${l.id}/notes`, parent)))).flatMap((page) => page.items);
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(notes.every((n: { visibleToParent: boolean }) => n.visibleToParent)).toBe(true);
  });

  it("has rooms the lessons are in, a practice room families reserve, and material in the Patels' portal", async () => {
    const parent = await signIn(seed.parentEmail, seed.parentPassword);
    const rooms = await call(`/v1/studios/${studioId}/rooms`, owner);
    expect(rooms.items.map((r: { name: string }) => r.name)).toEqual(["Piano Room", "Practice Room 1", "Studio B"]);
    const open = await call(`/v1/studios/${studioId}/rooms`, parent);
    expect(open.items.map((r: { name: string }) => r.name)).toEqual(["Piano Room", "Practice Room 1"]);
    const materials = await call(`/v1/studios/${studioId}/resources/mine`, parent);
    expect(materials.items.map((m: { title: string }) => m.title).sort()).toEqual(["Major scales worksheet", "Minuet in G — slow practice recording"]);
  });

  it("gives every workspace page something: requests waiting, a closure, goals, lesson plans, practice, and invoices paid, overdue and draft", async () => {
    const studio = `/v1/studios/${studioId}`;
    expect((await call(`${studio}/reschedule-requests?status=pending`, owner)).items).toHaveLength(1);
    expect((await call(`${studio}/access-requests?status=pending`, owner)).items).toHaveLength(1);
    expect((await call(`${studio}/closures`, owner)).items).toHaveLength(1);
    const invoices = async (status: string) => (await call(`${studio}/invoices?status=${status}`, owner)).items as unknown[];
    expect((await invoices("paid")).length).toBeGreaterThanOrEqual(1);
    expect(await invoices("overdue")).toHaveLength(1);
    expect(await invoices("draft")).toHaveLength(1);
    expect((await call(`${studio}/payments`, owner)).items.length).toBeGreaterThanOrEqual(2);
    // Three fee plans of their own, and the two behind the guitar group's course plans.
    expect((await call(`${studio}/fee-plans`, owner)).items).toHaveLength(5);
    const slots = (await call(`${studio}/class-slots`, owner)).items as { courseName: string; seatsTaken: number; capacity: number }[];
    expect(slots.map((s) => [s.courseName, s.seatsTaken, s.capacity])).toEqual([["Junior Guitar Group", 2, 6]]);
    expect((await call(`${studio}/lesson-plans`, owner)).items).toHaveLength(2);

    const lessons = (await call(`${studio}/lessons?${window()}&limit=100`, owner)).items as Lesson[];
    const goals = await Promise.all([...new Set(lessons.flatMap((l) => l.studentIds))].map((id) => call(`${studio}/goals?studentId=${id}`, owner)));
    expect(goals.flatMap((page) => page.items)).toHaveLength(2);
    const practice = await Promise.all([...new Set(lessons.flatMap((l) => l.studentIds))].map((id) => call(`${studio}/practice-logs?studentId=${id}`, owner)));
    expect(practice.flatMap((page) => page.items)).toHaveLength(7);
    const attendance = await Promise.all(
      lessons.filter((l) => Date.parse(l.scheduledStart) < Date.now()).map((l) => call(`${studio}/lessons/${l.id}/attendance`, owner)),
    );
    const statuses = attendance.flatMap((a) => (a.items ?? a.entries ?? []).map((e: { status: string }) => e.status));
    expect(statuses.filter((s) => s === "present").length).toBeGreaterThan(statuses.length / 2);
    expect(statuses).toContain("absent");
    expect(statuses).toContain("late");
  });

  it("has the spring recital on its public page, with the Patels' and a neighbour's answers, and the half-term holiday", async () => {
    const { items } = await call(`/v1/studios/${studioId}/events`, owner);
    const recital = items.find((e: { title: string }) => e.title === "Spring recital");
    expect(recital).toMatchObject({ visibility: "public", rsvp: { capacity: 60, seatsLeft: 55 }, counts: { yes: 2, maybe: 1, guests: 3, seatsTaken: 5 } });
    expect(items.find((e: { title: string }) => e.title === "Half-term holiday")).toMatchObject({ allDay: true, rsvp: { enabled: false } });
    const listed = await call(`/v1/public/events/${DEMO.slug}`);
    expect(listed.items.map((e: { title: string }) => e.title)).toEqual(["Spring recital"]);
  });
});
