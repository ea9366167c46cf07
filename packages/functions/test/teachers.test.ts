import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { addTeacher, auditActions, memberWithRole, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;
const url = (studioId: string, rest = "") => `/v1/studios/${studioId}/teachers${rest}`;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

describe("POST /v1/studios/{studioId}/teachers", () => {
  it("adds a teacher with defaults, search keys and an audit event", async () => {
    const res = await api("POST", url(owner.studio.id), {
      token: owner.accessToken,
      body: {
        firstName: "Clara",
        lastName: "Schumann",
        email: "Clara@Example.Test",
        phone: "+49 30 1234",
        bio: "Concert pianist",
        specialties: ["piano", "composition", "piano"],
        hourlyRateMinor: 7500,
        bookingBufferMinutes: 15,
        publicBio: "Teaches piano",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: "Clara",
      email: "clara@example.test",
      specialties: ["piano", "composition"],
      hourlyRateMinor: 7500,
      isAcceptingStudents: true,
      bookingBufferMinutes: 15,
      isActive: true,
      isPublic: false,
      userId: null,
    });
    expect(await auditActions(owner.studio.id, "teacher", res.body.id)).toEqual(["teacher.created"]);
  });

  it("names each invalid field", async () => {
    const res = await api("POST", url(owner.studio.id), {
      token: owner.accessToken,
      body: { lastName: "", email: "nope", hourlyRateMinor: 12.5, bookingBufferMinutes: 241, isPublic: "yes", specialties: "piano", extra: 1 },
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["bookingBufferMinutes", "email", "extra", "firstName", "hourlyRateMinor", "isPublic", "lastName", "specialties"]);
    const negative = await api("POST", url(owner.studio.id), { token: owner.accessToken, body: { firstName: "A", lastName: "B", hourlyRateMinor: -1 } });
    expect(paths(negative)).toEqual(["hourlyRateMinor"]);
  });

  it("is for admins only", async () => {
    const teacher = await memberWithRole(owner, "teacher");
    const res = await api("POST", url(owner.studio.id), { token: teacher.accessToken, body: { firstName: "A", lastName: "B" } });
    expect(res.status).toBe(403);
    const admin = await memberWithRole(owner, "admin");
    const byAdmin = await api("POST", url(owner.studio.id), { token: admin.accessToken, body: { firstName: "Ad", lastName: "Min" } });
    expect(byAdmin.status).toBe(201);
  });
});

describe("GET /v1/studios/{studioId}/teachers", () => {
  let studio: Owner;
  beforeAll(async () => {
    studio = await ownerWithStudio();
    const names = ["Anna Alto", "Bela Bass", "Cara Cello", "Dora Drum", "Emil Euph"];
    for (const [i, name] of names.entries()) {
      const [firstName, lastName] = name.split(" ");
      await addTeacher(studio, { firstName, lastName, email: `${firstName!.toLowerCase()}@band${i}.test`, isActive: i !== 3 });
    }
  });

  it("pages through the directory by name with a cursor, at ≤ 3 DynamoDB calls a page", async () => {
    const first = await api("GET", url(studio.studio.id, "?limit=2"), { token: studio.accessToken });
    expect(first.status).toBe(200);
    expect(first.body.items.map((t: { firstName: string }) => t.firstName)).toEqual(["Anna", "Bela"]);
    expect(dbCost(first.headers).calls).toBeLessThanOrEqual(3);
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await api("GET", url(studio.studio.id, `?limit=2&cursor=${encodeURIComponent(cursor)}`), { token: studio.accessToken });
      expect(next.status).toBe(200);
      expect(dbCost(next.headers).calls).toBeLessThanOrEqual(3);
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen.map((t) => t.firstName)).toEqual(["Anna", "Bela", "Cara", "Dora", "Emil"]);
  });

  it("searches by name prefix and by email prefix, and filters by active", async () => {
    const byName = await api("GET", url(studio.studio.id, "?q=CAR"), { token: studio.accessToken });
    expect(byName.body.items.map((t: { lastName: string }) => t.lastName)).toEqual(["Cello"]);
    const byEmail = await api("GET", url(studio.studio.id, "?q=dora@"), { token: studio.accessToken });
    expect(byEmail.body.items.map((t: { firstName: string }) => t.firstName)).toEqual(["Dora"]);
    const inactive = await api("GET", url(studio.studio.id, "?active=false"), { token: studio.accessToken });
    expect(inactive.body.items.map((t: { firstName: string }) => t.firstName)).toEqual(["Dora"]);
    const active = await api("GET", url(studio.studio.id, "?active=true"), { token: studio.accessToken });
    expect(active.body.items).toHaveLength(4);
    const bad = await api("GET", url(studio.studio.id, "?active=maybe&limit=0&cursor=garbage"), { token: studio.accessToken });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(["active", "limit"]);
    const badCursor = await api("GET", url(studio.studio.id, "?cursor=garbage"), { token: studio.accessToken });
    expect(badCursor.status).toBe(422);
  });

  it("shows the directory to every member, the hourly rate only to admins and the teacher", async () => {
    const own = await addTeacher(studio, { firstName: "Zed", lastName: "Own", hourlyRateMinor: 5000 });
    const other = await addTeacher(studio, { firstName: "Zoe", lastName: "Other", hourlyRateMinor: 9000 });
    const teacher = await memberWithRole(studio, "teacher", { teacherId: own.id });
    const student = await memberWithRole(studio, "student", { studentId: "someone" });

    const asTeacher = await api("GET", url(studio.studio.id, "?q=z"), { token: teacher.accessToken });
    expect(asTeacher.status).toBe(200);
    const rates = Object.fromEntries(asTeacher.body.items.map((t: { firstName: string; hourlyRateMinor?: number }) => [t.firstName, t.hourlyRateMinor]));
    expect(rates).toEqual({ Zed: 5000, Zoe: undefined });
    const otherAsTeacher = await api("GET", url(studio.studio.id, `/${other.id}`), { token: teacher.accessToken });
    expect(otherAsTeacher.status).toBe(200);
    expect(otherAsTeacher.body).not.toHaveProperty("hourlyRateMinor");

    const asStudent = await api("GET", url(studio.studio.id, `/${own.id}`), { token: student.accessToken });
    expect(asStudent.status).toBe(200);
    expect(asStudent.body).not.toHaveProperty("hourlyRateMinor");
    const asOwner = await api("GET", url(studio.studio.id, `/${other.id}`), { token: studio.accessToken });
    expect(asOwner.body.hourlyRateMinor).toBe(9000);
    expect(dbCost(asOwner.headers).calls).toBe(1);
  });

  it("is invisible through another studio", async () => {
    const teacher = await addTeacher(studio);
    // Another studio's teacher through one's own studio is just as unknown.
    expect((await api("GET", url(intruder.studio.id, `/${teacher.id}`), { token: intruder.accessToken })).status).toBe(404);
  });
});

describe("PATCH /v1/studios/{studioId}/teachers/{teacherId}", () => {
  it("lets admins change everything and clear fields with null, re-keying the name search", async () => {
    const teacher = await addTeacher(owner, { firstName: "Old", lastName: "Name", bio: "x", hourlyRateMinor: 100 });
    const res = await api("PATCH", url(owner.studio.id, `/${teacher.id}`), {
      token: owner.accessToken,
      body: { firstName: "Renamed", bio: null, hourlyRateMinor: 200, isActive: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstName: "Renamed", bio: null, hourlyRateMinor: 200, isActive: false });
    const found = await api("GET", url(owner.studio.id, "?q=renamed"), { token: owner.accessToken });
    expect(found.body.items.map((t: { id: string }) => t.id)).toEqual([teacher.id]);
    expect((await api("GET", url(owner.studio.id, "?q=old name"), { token: owner.accessToken })).body.items).toEqual([]);
    expect(await auditActions(owner.studio.id, "teacher", teacher.id)).toEqual(["teacher.created", "teacher.updated"]);
  });

  it("lets a teacher change their own profile fields but not pay, status or other teachers", async () => {
    const mine = await addTeacher(owner, { hourlyRateMinor: 100 });
    const other = await addTeacher(owner);
    const teacher = await memberWithRole(owner, "teacher", { teacherId: mine.id });
    const ok = await api("PATCH", url(owner.studio.id, `/${mine.id}`), {
      token: teacher.accessToken,
      body: { bio: "New bio", specialties: ["jazz"], isAcceptingStudents: false, bookingBufferMinutes: 10, isPublic: true, publicBio: "Hi" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ bio: "New bio", specialties: ["jazz"], isAcceptingStudents: false, hourlyRateMinor: 100 });

    const pay = await api("PATCH", url(owner.studio.id, `/${mine.id}`), { token: teacher.accessToken, body: { hourlyRateMinor: 99999, isActive: true } });
    expect(pay.status).toBe(403);
    expect(paths(pay)).toEqual(["hourlyRateMinor", "isActive"]);
    expect((await api("PATCH", url(owner.studio.id, `/${other.id}`), { token: teacher.accessToken, body: { bio: "hijack" } })).status).toBe(403);
    const student = await memberWithRole(owner, "student");
    expect((await api("PATCH", url(owner.studio.id, `/${mine.id}`), { token: student.accessToken, body: { bio: "x" } })).status).toBe(403);
  });

  it("names invalid fields", async () => {
    const teacher = await addTeacher(owner);
    const res = await api("PATCH", url(owner.studio.id, `/${teacher.id}`), { token: owner.accessToken, body: { bookingBufferMinutes: -5, firstName: null } });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["bookingBufferMinutes", "firstName"]);
    expect((await api("PATCH", url(owner.studio.id, "/missing"), { token: owner.accessToken, body: { bio: "x" } })).status).toBe(404);
  });
});

describe("DELETE and restore", () => {
  it("soft-deletes: gone from lists and reads, back after restore, audited", async () => {
    const studio = await ownerWithStudio();
    const teacher = await addTeacher(studio, { firstName: "Gone", lastName: "Soon", email: "gone@soon.test" });
    const other = await memberWithRole(studio, "teacher", { teacherId: teacher.id });
    expect((await api("DELETE", url(studio.studio.id, `/${teacher.id}`), { token: other.accessToken })).status).toBe(403);

    const del = await api("DELETE", url(studio.studio.id, `/${teacher.id}`), { token: studio.accessToken });
    expect(del.status).toBe(204);
    expect((await api("GET", url(studio.studio.id, `/${teacher.id}`), { token: studio.accessToken })).status).toBe(404);
    expect((await api("GET", url(studio.studio.id), { token: studio.accessToken })).body.items).toEqual([]);
    expect((await api("GET", url(studio.studio.id, "?q=gone@"), { token: studio.accessToken })).body.items).toEqual([]);
    expect((await api("DELETE", url(studio.studio.id, `/${teacher.id}`), { token: studio.accessToken })).status).toBe(404);
    expect((await api("PATCH", url(studio.studio.id, `/${teacher.id}`), { token: studio.accessToken, body: { bio: "x" } })).status).toBe(404);

    expect((await api("POST", url(studio.studio.id, `/${teacher.id}/restore`), { token: other.accessToken })).status).toBe(403);
    const restored = await api("POST", url(studio.studio.id, `/${teacher.id}/restore`), { token: studio.accessToken });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: teacher.id, firstName: "Gone" });
    expect((await api("GET", url(studio.studio.id, "?q=gone@"), { token: studio.accessToken })).body.items).toHaveLength(1);
    expect((await api("POST", url(studio.studio.id, `/${teacher.id}/restore`), { token: studio.accessToken })).status).toBe(409);
    expect(await auditActions(studio.studio.id, "teacher", teacher.id)).toEqual(["teacher.created", "teacher.deleted", "teacher.restored"]);
  });

  it("lists the deleted teachers with deletedAt for admins only", async () => {
    const studio = await ownerWithStudio();
    const gone = await addTeacher(studio, { firstName: "Gwen", lastName: "Gone", email: "gwen@gone.test" });
    const stays = await addTeacher(studio, { firstName: "Stan", lastName: "Stays" });
    expect((await api("DELETE", url(studio.studio.id, `/${gone.id}`), { token: studio.accessToken })).status).toBe(204);
    const deleted = await api("GET", url(studio.studio.id, "?deleted=true"), { token: studio.accessToken });
    expect(deleted.status).toBe(200);
    expect(deleted.body.items).toEqual([expect.objectContaining({ id: gone.id, deletedAt: expect.any(String) })]);
    expect(dbCost(deleted.headers).calls).toBeLessThanOrEqual(3);
    expect((await api("GET", url(studio.studio.id, "?deleted=true&q=gwen@"), { token: studio.accessToken })).body.items).toHaveLength(1);
    expect((await api("GET", url(studio.studio.id), { token: studio.accessToken })).body.items.map((t: { id: string }) => t.id)).toEqual([stays.id]);

    const member = await memberWithRole(studio, "teacher", { teacherId: stays.id });
    const refused = await api("GET", url(studio.studio.id, "?deleted=true"), { token: member.accessToken });
    expect(refused.status).toBe(403);
    expect(paths(refused)).toEqual(["deleted"]);
    expect((await api("GET", url(studio.studio.id, "?deleted=true"), { token: intruder.accessToken })).status).toBe(404);
  });
});

describe("GET /v1/public/studios/{slug}/teachers", () => {
  it("shows public, active, listed teachers without private fields", async () => {
    const studio = await ownerWithStudio();
    const shown = await addTeacher(studio, { firstName: "Pia", lastName: "Public", isPublic: true, publicBio: "Hello", hourlyRateMinor: 1 });
    await addTeacher(studio, { firstName: "Hal", lastName: "Hidden" });
    await addTeacher(studio, { firstName: "Ina", lastName: "Inactive", isPublic: true, isActive: false });
    const deleted = await addTeacher(studio, { firstName: "Del", lastName: "Deleted", isPublic: true });
    await api("DELETE", url(studio.studio.id, `/${deleted.id}`), { token: studio.accessToken });

    const res = await api("GET", `/v1/public/studios/${studio.studio.slug}/teachers`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: shown.id, firstName: "Pia", lastName: "Public", specialties: [], publicBio: "Hello", qualifications: null, photoUrl: null },
    ]);
    expect((await api("GET", "/v1/public/studios/no-such-studio-here/teachers")).status).toBe(404);
  });
});
