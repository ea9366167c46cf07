import { beforeAll, describe, expect, it } from "vitest";
import { billingDb } from "@studiosync/core/billing";
import { api, ownerWithStudio } from "./support/api";
import { familyWithGuardian } from "./support/households";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** UTC: the opening hours below are UTC clock times, so the test's instants need no conversion. */
const ZONE = "UTC";
let owner: Owner;
let other: Owner;
let teacher: { id: string };
let child: { id: string };
let familyId: string;
const as: Record<string, Member> = {};
const studio = (rest: string, o: Owner = owner) => `/v1/studios/${o.studio.id}${rest}`;
const call = (who: string, method: string, rest: string, body?: unknown) =>
  api(method, studio(rest), { token: who === "owner" ? owner.accessToken : as[who]!.accessToken, body });

async function room(body: Record<string, unknown>) {
  const res = await call("owner", "POST", "/rooms", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string } & Record<string, unknown>;
}

/** An instant `days` ahead at hh:mm UTC. */
const at = (days: number, hour: number, minute = 0) => futureAt(days, hour, minute);

beforeAll(async () => {
  [owner, other] = await Promise.all([ownerWithStudio({ timeZone: ZONE }), ownerWithStudio({ timeZone: ZONE })]);
  teacher = await addTeacher(owner);
  ({ familyId } = await familyWithGuardian(owner, "Okafor Family"));
  child = await addStudent(owner, { primaryTeacherId: teacher.id, familyId, firstName: "Tolu" });
  const outsider = await addStudent(owner, { primaryTeacherId: teacher.id });
  const [admin, teacherM, parent, studentOut] = await Promise.all([
    memberWithRole(owner, "admin"),
    memberWithRole(owner, "teacher", { teacherId: teacher.id }),
    memberWithRole(owner, "parent", { familyId, guardianId: "g1" }),
    memberWithRole(owner, "student", { studentId: outsider.id }),
  ]);
  Object.assign(as, { admin, teacher: teacherM, parent, studentOut });
});

describe("rooms are records", () => {
  it("adds, changes and lists rooms; names are unique; families see only rooms open to them", async () => {
    const piano = await room({ name: "Piano Room", capacity: 2, hourlyRateMinor: 1500, equipment: ["Grand piano", "Metronome"], bookableBy: "students" });
    expect(piano).toMatchObject({
      name: "Piano Room",
      capacity: 2,
      hourlyRateMinor: 1500,
      equipment: ["Grand piano", "Metronome"],
      bookableBy: "students",
      openingHours: [],
    });
    const hall = await room({ name: "Recital Hall", capacity: 80 });
    const dup = await call("owner", "POST", "/rooms", { name: "  piano   room " });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("room.name_taken");
    const bad = await call("owner", "POST", "/rooms", { name: "", capacity: 0, openingHours: [{ weekday: 8, start: "09:00", end: "08:00" }] });
    expect(bad.status).toBe(422);
    expect((await call("teacher", "POST", "/rooms", { name: "Mine" })).status).toBe(403);

    const staffList = await call("teacher", "GET", "/rooms");
    expect(staffList.body.items.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(["Piano Room", "Recital Hall"]));
    const familyList = await call("parent", "GET", "/rooms");
    expect(familyList.body.items.map((r: { id: string }) => r.id)).toContain(piano.id);
    expect(familyList.body.items.map((r: { id: string }) => r.id)).not.toContain(hall.id);
    expect((await call("parent", "GET", `/rooms/${hall.id}`)).status).toBe(404);
    expect((await api("GET", studio(`/rooms/${piano.id}`, other), { token: other.accessToken })).status).toBe(404);

    // The room's page reads the room with its week (include=room); another studio: 404.
    const week = `from=${at(1, 0)}&to=${at(8, 0)}`;
    const withRoom = await call("teacher", "GET", `/rooms/${piano.id}/bookings?${week}&include=room`);
    expect(withRoom.status, JSON.stringify(withRoom.body)).toBe(200);
    expect(withRoom.body).toMatchObject({
      roomId: piano.id,
      items: [],
      room: { id: piano.id, name: "Piano Room", hourlyRateMinor: 1500, bookableBy: "students" },
    });
    expect((await call("teacher", "GET", `/rooms/${piano.id}/bookings?${week}`)).body).not.toHaveProperty("room");
    expect((await call("teacher", "GET", `/rooms/${piano.id}/bookings?${week}&include=rooms`)).status).toBe(422);
    expect((await api("GET", studio(`/rooms/${piano.id}/bookings?${week}&include=room`, other), { token: other.accessToken })).status).toBe(404);

    const renamed = await call("owner", "PATCH", `/rooms/${hall.id}`, { name: "Concert Hall", capacity: null });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Concert Hall", capacity: null });
  });
});

describe("rooms that lessons named before rooms were records", () => {
  it("become rooms, one per name, keeping their bookings; again, nothing", async () => {
    const o = await ownerWithStudio({ timeZone: ZONE });
    const t = await addTeacher(o);
    const s = await addStudent(o, { primaryTeacherId: t.id });
    for (const [days, roomName] of [
      [3, "Studio A"],
      [4, " studio   a"],
      [5, "Piano Room"],
    ] as const) {
      const res = await bookLesson(o, { teacherId: t.id, studentId: s.id, scheduledStart: at(days, 10), roomName });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    await api("POST", studio("/rooms", o), { token: o.accessToken, body: { name: "Piano room" } });
    const adopted = await api("POST", studio("/rooms/from-lessons", o), { token: o.accessToken });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body.created).toEqual(["Studio A"]);
    expect((await api("POST", studio("/rooms/from-lessons", o), { token: o.accessToken })).body.created).toEqual([]);
    const rooms = await api("GET", studio("/rooms", o), { token: o.accessToken });
    const studioA = rooms.body.items.find((r: { name: string }) => r.name === "Studio A");
    // The lesson booked by that name holds the room.
    const clash = await api("POST", studio(`/rooms/${studioA.id}/reservations`, o), { token: o.accessToken, body: { start: at(3, 10), durationMinutes: 30 } });
    expect(clash.status).toBe(409);
  });
});

describe("one booking engine for lessons and reservations", () => {
  it("a reservation and a lesson racing for the room: one wins, the other gets a 409 naming it", async () => {
    const studioRoom = await room({ name: `Studio ${Date.now()}` });
    const start = at(6, 14);
    const [reservation, lesson] = await Promise.all([
      call("admin", "POST", `/rooms/${studioRoom.id}/reservations`, { start, durationMinutes: 60 }),
      bookLesson(owner, { teacherId: teacher.id, studentId: child.id, scheduledStart: at(6, 14, 30), roomName: studioRoom.name }),
    ]);
    const statuses = [reservation.status, lesson.status].sort();
    expect(statuses, JSON.stringify([reservation.body, lesson.body])).toEqual([201, 409]);
    const loser = reservation.status === 409 ? reservation : lesson;
    expect(loser.body.code).toBe("lesson.double_booked");
    expect(loser.body.conflicts[0]).toMatchObject({ resource: "room" });

    // The room's calendar shows the winner; another time is free.
    const bookings = await call("owner", "GET", `/rooms/${studioRoom.id}/bookings?from=${at(6, 0)}&to=${at(7, 0)}`);
    expect(bookings.body.items).toHaveLength(1);
    const later = await call("admin", "POST", `/rooms/${studioRoom.id}/reservations`, { start: at(6, 16), end: at(6, 17) });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
  });

  it("a lesson booked in a room blocks a reservation, and cancelling the reservation frees the room", async () => {
    const r = await room({ name: `Drum Room ${Date.now()}` });
    const lesson = await bookLesson(owner, { teacherId: teacher.id, studentId: child.id, scheduledStart: at(8, 10), roomName: r.name.toUpperCase() });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    const clash = await call("owner", "POST", `/rooms/${r.id}/reservations`, { start: at(8, 10, 15), durationMinutes: 30 });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0]).toMatchObject({ lessonId: lesson.body.id, resource: "room" });

    const first = await call("owner", "POST", `/rooms/${r.id}/reservations`, { start: at(8, 12), durationMinutes: 60 });
    expect(first.status).toBe(201);
    expect((await call("owner", "POST", `/rooms/${r.id}/reservations`, { start: at(8, 12, 30), durationMinutes: 60 })).status).toBe(409);
    const cancelled = await call("owner", "POST", `/rooms/${r.id}/reservations/${first.body.id}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    expect((await call("owner", "POST", `/rooms/${r.id}/reservations`, { start: at(8, 12, 30), durationMinutes: 60 })).status).toBe(201);
    // A room with bookings ahead keeps its name (the lessons hold it by name).
    const rename = await call("owner", "PATCH", `/rooms/${r.id}`, { name: "Somewhere else" });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe("room.booked_ahead");
  });
});

describe("families reserve practice rooms", () => {
  it("a parent reserves for their child inside opening hours; the cost reaches the family's next invoice once; cancelling before the run drops it", async () => {
    const weekday = ((new Date(at(9, 0)).getUTCDay() + 6) % 7) + 1;
    const practice = await room({
      name: `Practice ${Date.now()}`,
      hourlyRateMinor: 1250,
      bookableBy: "students",
      openingHours: [{ weekday, start: "08:00", end: "20:00" }],
    });
    const closed = await call("parent", "POST", `/rooms/${practice.id}/reservations`, { start: at(9, 19, 30), durationMinutes: 60, studentId: child.id });
    expect(closed.status).toBe(422);
    expect(closed.body.code).toBe("reservation.outside_hours");
    const past = await call("parent", "POST", `/rooms/${practice.id}/reservations`, { start: at(-1, 10), durationMinutes: 60, studentId: child.id });
    expect(past.status).toBe(422);

    const made = await call("parent", "POST", `/rooms/${practice.id}/reservations`, {
      start: at(9, 10),
      durationMinutes: 90,
      studentId: child.id,
      notes: "Scales",
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ costMinor: 1875, studentId: child.id, status: "confirmed" });
    const second = await call("parent", "POST", `/rooms/${practice.id}/reservations`, { start: at(9, 14), durationMinutes: 30, studentId: child.id });
    expect(second.body.costMinor).toBe(625);

    // Another household: cannot reserve for this child, cannot see or cancel its reservations.
    expect(
      (await call("studentOut", "POST", `/rooms/${practice.id}/reservations`, { start: at(9, 16), durationMinutes: 30, studentId: child.id })).status,
    ).toBe(403);
    expect((await call("studentOut", "GET", `/rooms/${practice.id}/reservations`)).body.items).toEqual([]);
    expect((await call("studentOut", "POST", `/rooms/${practice.id}/reservations/${made.body.id}/cancel`)).status).toBe(404);
    const mine = await call("parent", "GET", "/rooms/reservations/mine");
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([made.body.id, second.body.id]);
    // The busy times show, without whose they are, to another household.
    const busy = await call("studentOut", "GET", `/rooms/${practice.id}/bookings?from=${at(9, 0)}&to=${at(10, 0)}`);
    expect(busy.body.items.map((b: { title: string }) => b.title)).toEqual(["Taken", "Taken"]);

    expect((await call("parent", "POST", `/rooms/${practice.id}/reservations/${second.body.id}/cancel`)).status).toBe(200);

    const month = at(9, 10).slice(0, 7);
    const run = await call("owner", "POST", "/billing-runs", { month });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const invoices = await billingDb().entities.invoice.query.invoicesByAccount({ studioId: owner.studio.id, accountId: familyId }).go();
    const lines = invoices.data.flatMap((i) => i.lines).filter((l) => l.kind === "charge");
    expect(lines.map((l) => [l.description, l.totalMinor])).toEqual([[expect.stringMatching(/^Tolu: Room reservation: Practice \d+ — /), 1875]]);
    const again = await call("owner", "POST", "/billing-runs", { month });
    expect(again.body.execution.linesAdded).toBe(0);
  });
});
