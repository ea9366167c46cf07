import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { familyWithGuardian } from "./support/households";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ALL = "include=teachers&include=students&include=families&include=bands&include=rooms";
const ids = (page: { items: { id?: string; teacherId?: string }[] }) => page.items.map((i) => i.id ?? i.teacherId).sort();

describe("GET /v1/studios/{studioId}/choices", () => {
  let owner: Owner;
  let other: Owner;
  let teacher: Member;
  let parent: Member;
  let t1: { id: string };
  let t2: { id: string };
  let ownStudent: { id: string };
  let familyId: string;
  const get = (token: string, query: string, studioId = owner.studio.id) => api("GET", `/v1/studios/${studioId}/choices?${query}`, { token });
  const list = async (path: string) => (await api("GET", `/v1/studios/${owner.studio.id}${path}`, { token: owner.accessToken })).body;

  beforeAll(async () => {
    [owner, other] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
    [t1, t2] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
    ({ familyId } = await familyWithGuardian(owner, "Choice Family"));
    ownStudent = await addStudent(owner, { primaryTeacherId: t1.id, familyId });
    await addStudent(owner, { primaryTeacherId: t2.id });
    const band = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: "Choice Band" } });
    expect(band.status, JSON.stringify(band.body)).toBe(201);
    const room = await api("POST", `/v1/studios/${owner.studio.id}/rooms`, { token: owner.accessToken, body: { name: "Choice Room" } });
    expect(room.status, JSON.stringify(room.body)).toBe(201);
    [teacher, parent] = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId: t1.id }),
      memberWithRole(owner, "parent", { familyId, guardianId: "g1" }),
    ]);
  });

  it("gives an admin every list as its list route's first page", async () => {
    const res = await get(owner.accessToken, ALL);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.teachers).toEqual(await list("/availability?limit=100"));
    expect(res.body.students).toEqual(await list("/students?limit=100"));
    expect(res.body.families).toEqual(await list("/families?limit=100"));
    expect(res.body.bands).toEqual(await list("/bands?limit=100"));
    expect(res.body.rooms).toEqual(await list("/rooms?limit=100"));
    expect(ids(res.body.teachers)).toEqual([t1.id, t2.id].sort());
    // Only what is asked for.
    expect(Object.keys((await get(owner.accessToken, "include=rooms")).body)).toEqual(["rooms"]);
  });

  it("gives a teacher themself and their own students, never families or bands; a parent their children", async () => {
    const mine = await get(teacher.accessToken, ALL);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(ids(mine.body.teachers)).toEqual([t1.id]);
    expect(ids(mine.body.students)).toEqual([ownStudent.id]);
    expect(mine.body).not.toHaveProperty("families");
    expect(mine.body).not.toHaveProperty("bands");
    expect(mine.body.rooms.items.map((r: { name: string }) => r.name)).toEqual(["Choice Room"]);

    const household = await get(parent.accessToken, ALL);
    expect(household.status).toBe(200);
    expect(household.body.teachers.items).toEqual([]);
    expect(ids(household.body.students)).toEqual([ownStudent.id]);
    expect(household.body.rooms.items).toEqual([]); // Choice Room is for staff
  });

  it("refuses an unknown list or none (422); another studio's owner gets 404", async () => {
    expect((await get(owner.accessToken, "include=invoices")).status).toBe(422);
    expect((await get(owner.accessToken, "")).status).toBe(422);
    const foreign = await get(other.accessToken, ALL);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(owner.studio.name);
  });
});
