import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher, auditActions, paths, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Plan = { id: string; title: string; teacherId: string | null; isPublic: boolean } & Record<string, unknown>;

/** A studio with teachers A and B (signed in), a student and a parent. */
async function planStudio() {
  const owner = await ownerWithStudio();
  const [a, b] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
  const familyId = await seedFamily(owner.studio.id);
  const student = await addStudent(owner, { primaryTeacherId: a.id, familyId });
  const [teacherA, teacherB, studentSelf, parentOwn, admin] = await Promise.all([
    memberWithRole(owner, "teacher", { teacherId: a.id }),
    memberWithRole(owner, "teacher", { teacherId: b.id }),
    memberWithRole(owner, "student", { studentId: student.id }),
    memberWithRole(owner, "parent", { familyId, guardianId: "g" }),
    memberWithRole(owner, "admin"),
  ]);
  const tokens: Record<string, string> = {
    owner: owner.accessToken,
    ...Object.fromEntries(Object.entries({ teacherA, teacherB, studentSelf, parentOwn, admin }).map(([k, m]: [string, Member]) => [k, m.accessToken])),
  };
  const call = (who: string, method: string, rest = "", body?: unknown) =>
    api(method, `/v1/studios/${owner.studio.id}/lesson-plans${rest}`, { token: tokens[who], body });
  const write = async (who: string, body: Record<string, unknown>) => {
    const res = await call(who, "POST", "", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Plan;
  };
  return { owner, a, b, call, write };
}

const titles = (res: { body: { items: Plan[] } }) => res.body.items.map((p) => p.title);

let owner: Owner;
let studio: Awaited<ReturnType<typeof planStudio>>;
let plans: Record<"scales" | "arpeggios" | "blues" | "chords" | "etudes" | "theory", Plan>;

beforeAll(async () => {
  studio = await planStudio();
  owner = studio.owner;
  plans = {
    scales: await studio.write("teacherA", {
      title: "Scales warm-up",
      specialty: "piano",
      durationMinutes: 30,
      objectives: ["C major"],
      tags: ["warm-up", "warm-up", "scales"],
    }),
    arpeggios: await studio.write("teacherA", { title: "Arpeggios", isPublic: true }),
    blues: await studio.write("teacherB", { title: "blues in F", isPublic: true }),
    chords: await studio.write("teacherB", { title: "Chord voicings" }),
    etudes: await studio.write("owner", { title: "Études for beginners", isPublic: true }),
    theory: await studio.write("owner", { title: "Theory basics" }),
  };
});

describe("POST /v1/studios/{studioId}/lesson-plans", () => {
  it("writes a plan under the author's teacher profile, private unless public, audited", async () => {
    expect(plans.scales).toMatchObject({
      teacherId: studio.a.id,
      title: "Scales warm-up",
      specialty: "piano",
      durationMinutes: 30,
      objectives: ["C major"],
      materials: [],
      activities: [],
      tags: ["warm-up", "scales"],
      isPublic: false,
      description: null,
    });
    expect(plans.etudes).toMatchObject({ teacherId: null, isPublic: true });
    expect(await auditActions(owner.studio.id, "lessonPlan", plans.scales.id)).toEqual(["lessonPlan.created"]);
  });

  it("names each invalid field", async () => {
    const res = await studio.call("teacherA", "POST", "", {
      durationMinutes: 3,
      tags: "piano",
      objectives: ["", "ok"],
      isPublic: "yes",
      specialty: "x".repeat(61),
      teacherId: studio.b.id,
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["durationMinutes", "isPublic", "objectives.0", "specialty", "tags", "teacherId", "title"]);
  });

  it("is for admins and teachers: students and parents get 403", async () => {
    expect((await studio.call("admin", "POST", "", { title: "Admin plan" })).status).toBe(201);
    expect((await studio.call("studentSelf", "POST", "", { title: "Mine" })).status).toBe(403);
    expect((await studio.call("parentOwn", "POST", "", { title: "Mine" })).status).toBe(403);
  });
});

describe("GET /v1/studios/{studioId}/lesson-plans", () => {
  it("shows a teacher their own plans and the public ones, by title; admins every plan", async () => {
    const a = await studio.call("teacherA", "GET");
    expect(a.status).toBe(200);
    expect(titles(a)).toEqual(["Arpeggios", "blues in F", "Études for beginners", "Scales warm-up"]);
    expect(dbCost(a.headers).calls).toBe(3);
    expect(titles(await studio.call("teacherB", "GET"))).toEqual(["Arpeggios", "blues in F", "Chord voicings", "Études for beginners"]);
    const all = await studio.call("owner", "GET", "?limit=100");
    expect(titles(all)).toEqual(
      expect.arrayContaining(["Arpeggios", "blues in F", "Chord voicings", "Études for beginners", "Scales warm-up", "Theory basics"]),
    );
  });

  it("filters by author (a colleague's public plans only), mine, and a title prefix", async () => {
    expect(titles(await studio.call("teacherA", "GET", "?mine=true"))).toEqual(["Arpeggios", "Scales warm-up"]);
    expect(titles(await studio.call("teacherA", "GET", `?teacherId=${studio.a.id}`))).toEqual(["Arpeggios", "Scales warm-up"]);
    expect(titles(await studio.call("teacherA", "GET", `?teacherId=${studio.b.id}`))).toEqual(["blues in F"]);
    expect(titles(await studio.call("owner", "GET", `?teacherId=${studio.b.id}`))).toEqual(["blues in F", "Chord voicings"]);
    expect(titles(await studio.call("owner", "GET", "?mine=true"))).toEqual(expect.arrayContaining(["Études for beginners", "Theory basics"]));
    expect(titles(await studio.call("teacherA", "GET", "?q=ETU"))).toEqual(["Études for beginners"]);
    expect(titles(await studio.call("teacherA", "GET", "?q=ch"))).toEqual([]);
    expect(titles(await studio.call("teacherB", "GET", "?q=ch"))).toEqual(["Chord voicings"]);
  });

  it("pages through the merged list without gaps or repeats", async () => {
    const s = await planStudio();
    const own = ["Alpha", "Charlie", "Echo", "Golf"];
    const others = ["Bravo", "Delta", "Foxtrot", "Hotel"];
    for (const title of own) await s.write("teacherA", { title, isPublic: title === "Echo" });
    for (const title of others) await s.write("teacherB", { title, isPublic: true });
    await s.write("teacherB", { title: "Private B" });
    for (const limit of [1, 2, 3, 5]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await s.call("teacherA", "GET", `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...titles(res));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual([...own, ...others].sort());
    }
    const prefixed: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await s.call("teacherA", "GET", `?q=e&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      prefixed.push(...titles(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(prefixed).toEqual(["Echo"]);
  });

  it("is for admins and teachers only; bad filters and cursors are 422", async () => {
    expect((await studio.call("admin", "GET")).status).toBe(200);
    expect((await studio.call("studentSelf", "GET")).status).toBe(403);
    expect((await studio.call("parentOwn", "GET")).status).toBe(403);
    expect(paths(await studio.call("teacherA", "GET", "?cursor=not-a-cursor"))).toEqual(["cursor"]);
    expect(paths(await studio.call("teacherA", "GET", `?mine=true&teacherId=${studio.b.id}`))).toEqual(["teacherId"]);
    expect(paths(await studio.call("teacherA", "GET", "?mine=yes&limit=0"))).toEqual(["limit", "mine"]);
  });
});

describe("one lesson plan", () => {
  it("shows a plan to admins, its author and (when public) other teachers; never to students or parents", async () => {
    for (const who of ["owner", "admin", "teacherA", "teacherB"]) {
      expect((await studio.call(who, "GET", `/${plans.arpeggios.id}`)).status, who).toBe(200);
    }
    expect((await studio.call("teacherA", "GET", `/${plans.scales.id}`)).body).toMatchObject({ title: "Scales warm-up" });
    expect((await studio.call("teacherB", "GET", `/${plans.scales.id}`)).status).toBe(404);
    for (const who of ["studentSelf", "parentOwn"]) expect((await studio.call(who, "GET", `/${plans.arpeggios.id}`)).status, who).toBe(404);
    expect((await studio.call("owner", "GET", "/no-such-plan")).status).toBe(404);
  });

  it("lets the author change it (re-sorted by the new title; made private it leaves others' lists); another teacher 403", async () => {
    const plan = await studio.write("teacherA", { title: "Zither basics", isPublic: true, description: "Start here", materials: ["zither"] });
    expect((await studio.call("teacherB", "PATCH", `/${plan.id}`, { title: "Mine now" })).status).toBe(403);
    expect((await studio.call("studentSelf", "PATCH", `/${plan.id}`, { title: "x" })).status).toBe(404);
    const changed = await studio.call("teacherA", "PATCH", `/${plan.id}`, { title: "Aaa zither", description: null, materials: [] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ title: "Aaa zither", description: null, materials: [], isPublic: true });
    expect(titles(await studio.call("teacherB", "GET", "?limit=1"))).toEqual(["Aaa zither"]);
    expect((await studio.call("teacherA", "PATCH", `/${plan.id}`, { isPublic: false })).body.isPublic).toBe(false);
    expect(titles(await studio.call("teacherB", "GET", "?limit=100"))).not.toContain("Aaa zither");
    expect((await studio.call("teacherB", "GET", `/${plan.id}`)).status).toBe(404);
    expect(titles(await studio.call("teacherA", "GET", "?mine=true&limit=1"))).toEqual(["Aaa zither"]);
    expect((await studio.call("owner", "PATCH", `/${plan.id}`, { durationMinutes: 45 })).body.durationMinutes).toBe(45);
    expect(paths(await studio.call("teacherA", "PATCH", `/${plan.id}`, { title: "", durationMinutes: 481 }))).toEqual(["durationMinutes", "title"]);
    expect(await auditActions(owner.studio.id, "lessonPlan", plan.id)).toEqual([
      "lessonPlan.created",
      "lessonPlan.updated",
      "lessonPlan.updated",
      "lessonPlan.updated",
    ]);
  });

  it("soft-deletes a plan (author, admins): it leaves every list and answers 404", async () => {
    const plan = await studio.write("teacherA", { title: "Aardvark rhythm", isPublic: true });
    expect((await studio.call("teacherB", "DELETE", `/${plan.id}`)).status).toBe(403);
    expect((await studio.call("parentOwn", "DELETE", `/${plan.id}`)).status).toBe(404);
    expect((await studio.call("teacherA", "DELETE", `/${plan.id}`)).status).toBe(204);
    expect((await studio.call("teacherA", "GET", `/${plan.id}`)).status).toBe(404);
    expect((await studio.call("owner", "DELETE", `/${plan.id}`)).status).toBe(404);
    for (const [who, query] of [
      ["teacherA", ""],
      ["teacherA", "?mine=true"],
      ["teacherB", ""],
      ["owner", ""],
      ["owner", `?teacherId=${studio.a.id}`],
      ["teacherB", `?teacherId=${studio.a.id}`],
    ]) {
      expect(titles(await studio.call(who!, "GET", `${query}${query ? "&" : "?"}limit=100`)), `${who} ${query}`).not.toContain("Aardvark rhythm");
    }
    expect(await auditActions(owner.studio.id, "lessonPlan", plan.id)).toEqual(["lessonPlan.created", "lessonPlan.deleted"]);
    const adminDeletes = await studio.write("teacherB", { title: "Gone" });
    expect((await studio.call("admin", "DELETE", `/${adminDeletes.id}`)).status).toBe(204);
  });
});
