import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { addStudent, addTeacher, auditActions, familyStudentIds, memberWithRole, paths, seedFamily, seedStudents } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;
const url = (studioId: string, rest = "") => `/v1/studios/${studioId}/students${rest}`;
const names = (res: { body: { items: { firstName: string }[] } }) => res.body.items.map((s) => s.firstName);

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

describe("POST /v1/studios/{studioId}/students", () => {
  it("enrols a student with a teacher and a family, in the family's studentIds, audited", async () => {
    const teacher = await addTeacher(owner);
    const familyId = await seedFamily(owner.studio.id);
    const res = await api("POST", url(owner.studio.id), {
      token: owner.accessToken,
      body: {
        firstName: "Lina",
        lastName: "Lute",
        email: "Lina@Lute.Test",
        instrument: "lute",
        specialties: ["baroque"],
        skillLevel: "intermediate",
        dateOfBirth: "2014-02-28",
        emergencyContactName: "Mum",
        emergencyContactPhone: "+1 555 0100",
        medicalNotes: "Peanut allergy",
        primaryTeacherId: teacher.id,
        familyId,
        notes: "Loves Bach",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: "Lina",
      email: "lina@lute.test",
      skillLevel: "intermediate",
      medicalNotes: "Peanut allergy",
      primaryTeacherId: teacher.id,
      familyId,
      isActive: true,
    });
    expect(res.body.enrollmentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await familyStudentIds(owner.studio.id, familyId)).toEqual([res.body.id]);
    expect(await auditActions(owner.studio.id, "student", res.body.id)).toEqual(["student.created"]);
  });

  it("names each invalid field", async () => {
    const res = await api("POST", url(owner.studio.id), {
      token: owner.accessToken,
      body: {
        firstName: "",
        skillLevel: "guru",
        dateOfBirth: "2015-02-30",
        enrollmentDate: "01/09/2026",
        email: "x",
        isActive: "yes",
        emergencyContactPhone: "call me",
      },
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["dateOfBirth", "email", "emergencyContactPhone", "enrollmentDate", "firstName", "isActive", "lastName", "skillLevel"]);
    const future = await api("POST", url(owner.studio.id), { token: owner.accessToken, body: { firstName: "A", lastName: "B", dateOfBirth: "2999-01-01" } });
    expect(paths(future)).toEqual(["dateOfBirth"]);
  });

  it("refuses a teacher or family that is not a listed record of this studio (422)", async () => {
    const foreignTeacher = await addTeacher(intruder);
    const foreignFamily = await seedFamily(intruder.studio.id);
    const res = await api("POST", url(owner.studio.id), {
      token: owner.accessToken,
      body: { firstName: "A", lastName: "B", primaryTeacherId: foreignTeacher.id, familyId: foreignFamily },
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["familyId", "primaryTeacherId"]);
    const deletedTeacher = await addTeacher(owner);
    await api("DELETE", `/v1/studios/${owner.studio.id}/teachers/${deletedTeacher.id}`, { token: owner.accessToken });
    const withDeleted = await api("POST", url(owner.studio.id), {
      token: owner.accessToken,
      body: { firstName: "A", lastName: "B", primaryTeacherId: deletedTeacher.id },
    });
    expect(paths(withDeleted)).toEqual(["primaryTeacherId"]);
    expect(await familyStudentIds(intruder.studio.id, foreignFamily)).toEqual([]);
  });

  it("is for admins only", async () => {
    const teacher = await memberWithRole(owner, "teacher", { teacherId: "t" });
    expect((await api("POST", url(owner.studio.id), { token: teacher.accessToken, body: { firstName: "A", lastName: "B" } })).status).toBe(403);
  });
});

describe("who sees which student", () => {
  let studio: Owner;
  let teacherA: { id: string };
  let teacherB: { id: string };
  let familyId: string;
  let alice: { id: string };
  let bob: { id: string };
  let carl: { id: string };

  beforeAll(async () => {
    studio = await ownerWithStudio();
    [teacherA, teacherB] = [await addTeacher(studio), await addTeacher(studio)];
    familyId = await seedFamily(studio.studio.id);
    alice = await addStudent(studio, { firstName: "Alice", primaryTeacherId: teacherA.id, familyId, medicalNotes: "Asthma" });
    bob = await addStudent(studio, { firstName: "Bob", primaryTeacherId: teacherB.id, familyId, medicalNotes: "None" });
    carl = await addStudent(studio, { firstName: "Carl", primaryTeacherId: teacherA.id, medicalNotes: "Diabetes" });
  });

  it("teachers see only their own students, with medical notes", async () => {
    const teacher = await memberWithRole(studio, "teacher", { teacherId: teacherA.id });
    const list = await api("GET", url(studio.studio.id), { token: teacher.accessToken });
    expect(list.status).toBe(200);
    expect(names(list)).toEqual(["Alice", "Carl"]);
    expect(list.body.items[0].medicalNotes).toBe("Asthma");
    expect(dbCost(list.headers).calls).toBeLessThanOrEqual(3);
    const own = await api("GET", url(studio.studio.id, `/${alice.id}`), { token: teacher.accessToken });
    expect(own.status).toBe(200);
    expect(own.body.medicalNotes).toBe("Asthma");
    expect((await api("GET", url(studio.studio.id, `/${bob.id}`), { token: teacher.accessToken })).status).toBe(404);
    const otherList = await api("GET", url(studio.studio.id, `?teacherId=${teacherB.id}`), { token: teacher.accessToken });
    expect(otherList.status).toBe(403);
  });

  it("parents see their children without medical notes", async () => {
    const parent = await memberWithRole(studio, "parent", { familyId, guardianId: "g" });
    const list = await api("GET", url(studio.studio.id), { token: parent.accessToken });
    expect(list.status).toBe(200);
    expect(names(list)).toEqual(["Alice", "Bob"]);
    expect(list.body.items[0]).not.toHaveProperty("medicalNotes");
    expect(dbCost(list.headers).calls).toBeLessThanOrEqual(3);
    const child = await api("GET", url(studio.studio.id, `/${bob.id}`), { token: parent.accessToken });
    expect(child.status).toBe(200);
    expect(child.body).not.toHaveProperty("medicalNotes");
    expect((await api("GET", url(studio.studio.id, `/${carl.id}`), { token: parent.accessToken })).status).toBe(404);
    expect(names(await api("GET", url(studio.studio.id, "?q=bo"), { token: parent.accessToken }))).toEqual(["Bob"]);
    expect((await api("PATCH", url(studio.studio.id, `/${bob.id}`), { token: parent.accessToken, body: { notes: "x" } })).status).toBe(403);
  });

  it("students see themselves only, without medical notes", async () => {
    const student = await memberWithRole(studio, "student", { studentId: carl.id });
    const list = await api("GET", url(studio.studio.id), { token: student.accessToken });
    expect(names(list)).toEqual(["Carl"]);
    expect(list.body.items[0]).not.toHaveProperty("medicalNotes");
    expect(dbCost(list.headers).calls).toBeLessThanOrEqual(3);
    const self = await api("GET", url(studio.studio.id, `/${carl.id}`), { token: student.accessToken });
    expect(self.status).toBe(200);
    expect(self.body).not.toHaveProperty("medicalNotes");
    expect(dbCost(self.headers).calls).toBe(1);
    expect((await api("GET", url(studio.studio.id, `/${alice.id}`), { token: student.accessToken })).status).toBe(404);
    expect((await api("PATCH", url(studio.studio.id, `/${carl.id}`), { token: student.accessToken, body: { notes: "x" } })).status).toBe(403);
  });

  it("teachers edit their own students, but not their teacher or family", async () => {
    const teacher = await memberWithRole(studio, "teacher", { teacherId: teacherA.id });
    const ok = await api("PATCH", url(studio.studio.id, `/${carl.id}`), {
      token: teacher.accessToken,
      body: { skillLevel: "advanced", notes: "Great progress" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ skillLevel: "advanced", notes: "Great progress", medicalNotes: "Diabetes" });
    const same = await api("PATCH", url(studio.studio.id, `/${carl.id}`), { token: teacher.accessToken, body: { primaryTeacherId: teacherA.id } });
    expect(same.status).toBe(200);
    const move = await api("PATCH", url(studio.studio.id, `/${carl.id}`), { token: teacher.accessToken, body: { primaryTeacherId: teacherB.id, familyId } });
    expect(move.status).toBe(403);
    expect(paths(move)).toEqual(["familyId", "primaryTeacherId"]);
    expect((await api("PATCH", url(studio.studio.id, `/${bob.id}`), { token: teacher.accessToken, body: { notes: "x" } })).status).toBe(404);
  });

  it("admins read everything in ≤ 3 calls, other studios nothing", async () => {
    const read = await api("GET", url(studio.studio.id, `/${bob.id}`), { token: studio.accessToken });
    expect(read.body.medicalNotes).toBe("None");
    expect(dbCost(read.headers).calls).toBe(1);
    expect((await api("GET", url(intruder.studio.id, `/${bob.id}`), { token: intruder.accessToken })).status).toBe(404);
  });
});

describe("PATCH /v1/studios/{studioId}/students/{studentId}", () => {
  it("moves a student between families, keeping both families' studentIds in step", async () => {
    const [oldFamily, newFamily] = [await seedFamily(owner.studio.id), await seedFamily(owner.studio.id)];
    const student = await addStudent(owner, { familyId: oldFamily });
    const moved = await api("PATCH", url(owner.studio.id, `/${student.id}`), { token: owner.accessToken, body: { familyId: newFamily } });
    expect(moved.status).toBe(200);
    expect(moved.body.familyId).toBe(newFamily);
    expect(await familyStudentIds(owner.studio.id, oldFamily)).toEqual([]);
    expect(await familyStudentIds(owner.studio.id, newFamily)).toEqual([student.id]);

    const unknown = await api("PATCH", url(owner.studio.id, `/${student.id}`), { token: owner.accessToken, body: { familyId: "nope" } });
    expect(unknown.status).toBe(422);
    expect(paths(unknown)).toEqual(["familyId"]);

    const out = await api("PATCH", url(owner.studio.id, `/${student.id}`), { token: owner.accessToken, body: { familyId: null } });
    expect(out.body.familyId).toBeNull();
    expect(await familyStudentIds(owner.studio.id, newFamily)).toEqual([]);
    expect(await auditActions(owner.studio.id, "student", student.id)).toEqual(["student.created", "student.updated", "student.updated"]);
  });

  it("reassigns and unassigns the teacher, moving the student between teacher lists", async () => {
    const [t1, t2] = [await addTeacher(owner), await addTeacher(owner)];
    const student = await addStudent(owner, { firstName: "Mover", primaryTeacherId: t1.id, medicalNotes: "secret" });
    const res = await api("PATCH", url(owner.studio.id, `/${student.id}`), { token: owner.accessToken, body: { primaryTeacherId: t2.id, medicalNotes: null } });
    expect(res.body).toMatchObject({ primaryTeacherId: t2.id, medicalNotes: null });
    expect(names(await api("GET", url(owner.studio.id, `?teacherId=${t1.id}`), { token: owner.accessToken }))).toEqual([]);
    expect(names(await api("GET", url(owner.studio.id, `?teacherId=${t2.id}`), { token: owner.accessToken }))).toEqual(["Mover"]);
    const none = await api("PATCH", url(owner.studio.id, `/${student.id}`), { token: owner.accessToken, body: { primaryTeacherId: null } });
    expect(none.body.primaryTeacherId).toBeNull();
    expect(names(await api("GET", url(owner.studio.id, `?teacherId=${t2.id}`), { token: owner.accessToken }))).toEqual([]);
    const bad = await api("PATCH", url(owner.studio.id, `/${student.id}`), { token: owner.accessToken, body: { primaryTeacherId: "none", lastName: "" } });
    expect(paths(bad)).toEqual(["lastName", "primaryTeacherId"]);
  });
});

describe("GET /v1/studios/{studioId}/students (admin lists)", () => {
  let studio: Owner;
  let teacher: { id: string };
  beforeAll(async () => {
    studio = await ownerWithStudio();
    teacher = await addTeacher(studio);
    const rows = [
      { firstName: "Ava", lastName: "Adams", instrument: "piano", email: "ava@one.test" },
      { firstName: "Ben", lastName: "Brown", instrument: "violin", email: "ben@two.test", primaryTeacherId: teacher.id },
      { firstName: "Bea", lastName: "Black", instrument: "piano", isActive: false, primaryTeacherId: teacher.id },
      { firstName: "Cal", lastName: "Clark", instrument: "cello", email: "cal@one.test" },
      { firstName: "Dee", lastName: "Dunn", instrument: "piano" },
    ];
    for (const row of rows) await addStudent(studio, row);
  });

  it("pages by name with a cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const res = await api("GET", url(studio.studio.id, query), { token: studio.accessToken });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      expect(dbCost(res.headers).calls).toBeLessThanOrEqual(3);
      seen.push(...names(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Ava", "Bea", "Ben", "Cal", "Dee"]);
  });

  it("searches by name and email prefix and filters by active, teacher and instrument", async () => {
    const list = (query: string) => api("GET", url(studio.studio.id, query), { token: studio.accessToken }).then(names);
    expect(await list("?q=b")).toEqual(["Bea", "Ben"]);
    expect(await list("?q=ben%20br")).toEqual(["Ben"]);
    expect(await list("?q=cal@")).toEqual(["Cal"]);
    expect(await list("?q=BEN@TWO")).toEqual(["Ben"]);
    expect(await list("?active=false")).toEqual(["Bea"]);
    expect(await list("?instrument=piano")).toEqual(["Ava", "Bea", "Dee"]);
    expect(await list("?instrument=piano&active=true")).toEqual(["Ava", "Dee"]);
    expect(await list(`?teacherId=${teacher.id}`)).toEqual(["Bea", "Ben"]);
    expect(await list(`?teacherId=${teacher.id}&active=true`)).toEqual(["Ben"]);
    expect(await list(`?teacherId=${teacher.id}&q=be`)).toEqual(["Bea", "Ben"]);
    expect(await list(`?teacherId=${teacher.id}&q=ben@`)).toEqual(["Ben"]);
    const bad = await api("GET", url(studio.studio.id, "?active=yes&limit=101"), { token: studio.accessToken });
    expect(paths(bad)).toEqual(["active", "limit"]);
  });

  it("soft-deletes: gone from lists and reads, back after restore, audited", async () => {
    const student = await addStudent(studio, { firstName: "Zara", email: "zara@gone.test" });
    const teacherMember = await memberWithRole(studio, "teacher", { teacherId: teacher.id });
    const own = await addStudent(studio, { firstName: "Zed", primaryTeacherId: teacher.id });
    expect((await api("DELETE", url(studio.studio.id, `/${own.id}`), { token: teacherMember.accessToken })).status).toBe(403);

    expect((await api("DELETE", url(studio.studio.id, `/${student.id}`), { token: studio.accessToken })).status).toBe(204);
    expect((await api("GET", url(studio.studio.id, `/${student.id}`), { token: studio.accessToken })).status).toBe(404);
    expect(names(await api("GET", url(studio.studio.id, "?q=zara"), { token: studio.accessToken }))).toEqual([]);
    expect(names(await api("GET", url(studio.studio.id, "?q=zara@"), { token: studio.accessToken }))).toEqual([]);
    expect((await api("PATCH", url(studio.studio.id, `/${student.id}`), { token: studio.accessToken, body: { notes: "x" } })).status).toBe(404);

    const restored = await api("POST", url(studio.studio.id, `/${student.id}/restore`), { token: studio.accessToken });
    expect(restored.status).toBe(200);
    expect(names(await api("GET", url(studio.studio.id, "?q=zara"), { token: studio.accessToken }))).toEqual(["Zara"]);
    expect((await api("POST", url(studio.studio.id, `/${student.id}/restore`), { token: studio.accessToken })).status).toBe(409);
    expect(await auditActions(studio.studio.id, "student", student.id)).toEqual(["student.created", "student.deleted", "student.restored"]);
  });

  it("lists the deleted students with deletedAt for admins only, one query a page", async () => {
    const gone = await addStudent(studio, { firstName: "Yara", email: "yara@gone.test", primaryTeacherId: teacher.id });
    expect((await api("DELETE", url(studio.studio.id, `/${gone.id}`), { token: studio.accessToken })).status).toBe(204);
    const deleted = await api("GET", url(studio.studio.id, "?deleted=true"), { token: studio.accessToken });
    expect(deleted.status).toBe(200);
    expect(deleted.body.items).toEqual([expect.objectContaining({ id: gone.id, firstName: "Yara", deletedAt: expect.any(String) })]);
    expect(dbCost(deleted.headers).calls).toBeLessThanOrEqual(3);
    expect(names(await api("GET", url(studio.studio.id, "?deleted=true&q=yara@"), { token: studio.accessToken }))).toEqual(["Yara"]);
    expect(names(await api("GET", url(studio.studio.id, `?deleted=true&teacherId=${teacher.id}`), { token: studio.accessToken }))).toEqual(["Yara"]);
    expect(names(await api("GET", url(studio.studio.id, "?deleted=false&q=yara"), { token: studio.accessToken }))).toEqual([]);
    expect((await api("GET", url(studio.studio.id, "?q=ava"), { token: studio.accessToken })).body.items[0]).not.toHaveProperty("deletedAt");

    const teacherMember = await memberWithRole(studio, "teacher", { teacherId: teacher.id });
    const refused = await api("GET", url(studio.studio.id, "?deleted=true"), { token: teacherMember.accessToken });
    expect(refused.status).toBe(403);
    expect(paths(refused)).toEqual(["deleted"]);
    expect((await api("GET", url(studio.studio.id, "?deleted=true"), { token: intruder.accessToken })).status).toBe(404);
    expect(names(await api("GET", url(intruder.studio.id, "?deleted=true"), { token: intruder.accessToken }))).toEqual([]);
    expect(paths(await api("GET", url(studio.studio.id, "?deleted=yes"), { token: studio.accessToken }))).toEqual(["deleted"]);

    await api("POST", url(studio.studio.id, `/${gone.id}/restore`), { token: studio.accessToken });
    expect(names(await api("GET", url(studio.studio.id, "?deleted=true"), { token: studio.accessToken }))).toEqual([]);
  });
});

describe("list cost does not grow with the studio", () => {
  it("lists 25 of 60 students at the same calls and read capacity as 25 of 30", async () => {
    const [small, large] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
    await Promise.all([seedStudents(small.studio.id, 30), seedStudents(large.studio.id, 60)]);
    const cost = async (studio: Owner) => {
      const res = await api("GET", url(studio.studio.id, "?limit=25"), { token: studio.accessToken });
      expect(res.body.items).toHaveLength(25);
      return dbCost(res.headers);
    };
    const [smallCost, largeCost] = [await cost(small), await cost(large)];
    expect(largeCost.calls).toBeLessThanOrEqual(3);
    expect(largeCost).toEqual(smallCost);
  });
});
