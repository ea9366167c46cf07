import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { auditOf, putStudent, softDeleteStudent } from "./support/households";
import { memberWithRole } from "./support/members";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;
const base = () => `/v1/studios/${owner.studio.id}/bands`;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

async function newBand(studio: Owner, name = "The Rests") {
  const res = await api("POST", `/v1/studios/${studio.studio.id}/bands`, { token: studio.accessToken, body: { name } });
  if (res.status !== 201) throw new Error(`band failed: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

describe("bands: create, members, read", () => {
  it("creates a band, adds and removes members, and reads it in ≤ 3 DynamoDB calls", async () => {
    const created = await api("POST", base(), {
      token: owner.accessToken,
      body: { name: "Jazz Quartet", email: "Band@Jazz.Test", city: "Austin", state: "TX", postalCode: "73301", country: "US", notes: "Fridays" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Jazz Quartet", email: "band@jazz.test", city: "Austin", members: [], primaryContactId: null });
    const bandId = created.body.id;
    const sax = await putStudent(owner, { firstName: "Sonny", lastName: "Sax", instrument: "saxophone" });
    const drums = await putStudent(owner, { firstName: "Art", lastName: "Drums", instrument: "drums" });

    const added = await api("PUT", `${base()}/${bandId}/members/${sax}`, { token: owner.accessToken });
    expect(added.status).toBe(200);
    expect(added.body.memberStudentIds).toEqual([sax]);
    await api("PUT", `${base()}/${bandId}/members/${drums}`, { token: owner.accessToken });
    const again = await api("PUT", `${base()}/${bandId}/members/${drums}`, { token: owner.accessToken });
    expect(again.body.memberStudentIds).toHaveLength(2);

    const read = await api("GET", `${base()}/${bandId}`, { token: owner.accessToken });
    expect(read.status).toBe(200);
    expect(read.body.members).toEqual([
      { id: drums, firstName: "Art", lastName: "Drums", instrument: "drums", isActive: true },
      { id: sax, firstName: "Sonny", lastName: "Sax", instrument: "saxophone", isActive: true },
    ]);
    expect(dbCost(read.headers).calls).toBeLessThanOrEqual(3);

    const contact = await api("PATCH", `${base()}/${bandId}`, { token: owner.accessToken, body: { primaryContactId: sax, notes: null } });
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ primaryContactId: sax, notes: null });

    const removed = await api("DELETE", `${base()}/${bandId}/members/${sax}`, { token: owner.accessToken });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ memberStudentIds: [drums], primaryContactId: null });
    expect((await api("DELETE", `${base()}/${bandId}/members/${sax}`, { token: owner.accessToken })).status).toBe(404);

    const events = await auditOf(owner, "band", bandId);
    expect(events.map((e) => e.action)).toEqual(["band.created", "band.member_added", "band.member_added", "band.updated", "band.member_removed"]);
    expect(events[1]!.changes).toEqual({ memberStudentIds: { before: [], after: [sax] } });
  });

  it("refuses students that are not listed in this studio and non-member primary contacts", async () => {
    const bandId = await newBand(owner);
    const elsewhere = await putStudent(intruder, { firstName: "Other", lastName: "Studio" });
    const deleted = await putStudent(owner, { firstName: "Left", lastName: "Already" });
    await softDeleteStudent(owner, deleted);
    for (const studentId of [elsewhere, deleted, "no-such-student"]) {
      const res = await api("PUT", `${base()}/${bandId}/members/${studentId}`, { token: owner.accessToken });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ path: "studentId", message: "must be a listed student of this studio" }]);
    }
    const outsider = await putStudent(owner, { firstName: "Not", lastName: "Member" });
    const contact = await api("PATCH", `${base()}/${bandId}`, { token: owner.accessToken, body: { primaryContactId: outsider } });
    expect(contact.status).toBe(422);
    expect(contact.body.errors[0].path).toBe("primaryContactId");
    expect((await api("PUT", `${base()}/no-such-band/members/${outsider}`, { token: owner.accessToken })).status).toBe(404);
  });

  it("names invalid fields", async () => {
    const res = await api("POST", base(), { token: owner.accessToken, body: { name: " ", email: "nope", postalCode: "x".repeat(21), members: [] } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "members", "name", "postalCode"]);
  });

  it("is not found through another studio (404)", async () => {
    const bandId = await newBand(owner);
    expect((await api("GET", `/v1/studios/${intruder.studio.id}/bands/${bandId}`, { token: intruder.accessToken })).status).toBe(404);
  });
});

describe("who may see a band", () => {
  it("its members and their teachers read it; others get 404; only admins change it", async () => {
    const studio = await ownerWithStudio();
    const bandId = await newBand(studio, "Strings");
    const playing = await putStudent(studio, { firstName: "In", lastName: "Band", primaryTeacherId: "teacher-a" });
    await putStudent(studio, { firstName: "Not", lastName: "Playing", primaryTeacherId: "teacher-b" });
    await api("PUT", `/v1/studios/${studio.studio.id}/bands/${bandId}/members/${playing}`, { token: studio.accessToken });
    const url = `/v1/studios/${studio.studio.id}/bands/${bandId}`;

    const member = await memberWithRole(studio, "student", { studentId: playing });
    const outsider = await memberWithRole(studio, "student", { studentId: "someone-else" });
    const teacher = await memberWithRole(studio, "teacher", { teacherId: "teacher-a" });
    const otherTeacher = await memberWithRole(studio, "teacher", { teacherId: "teacher-b" });
    const parent = await memberWithRole(studio, "parent", { familyId: "f", guardianId: "g" });

    for (const reader of [member, teacher]) {
      const res = await api("GET", url, { token: reader.accessToken });
      expect(res.status).toBe(200);
      expect(dbCost(res.headers).calls).toBeLessThanOrEqual(3);
      expect((await api("PATCH", url, { token: reader.accessToken, body: { name: "Hijack" } })).status).toBe(403);
    }
    for (const stranger of [outsider, otherTeacher, parent]) {
      expect((await api("GET", url, { token: stranger.accessToken })).status).toBe(404);
      expect((await api("PATCH", url, { token: stranger.accessToken, body: { name: "Hijack" } })).status).toBe(404);
    }
    expect((await api("GET", `/v1/studios/${studio.studio.id}/bands`, { token: teacher.accessToken })).status).toBe(403);
    expect((await api("DELETE", `${url}/members/${playing}`, { token: member.accessToken })).status).toBe(403);
  });
});

describe("GET /bands (list), DELETE and restore", () => {
  it("pages by name, searches by name prefix, hides deleted bands and restores them", async () => {
    const studio = await ownerWithStudio();
    const ids: Record<string, string> = {};
    for (const name of ["Brass Band", "Brassy", "Choir", "Drumline"]) ids[name] = await newBand(studio, name);
    const url = `/v1/studios/${studio.studio.id}/bands`;

    const first = await api("GET", `${url}?limit=3`, { token: studio.accessToken });
    expect(first.body.items.map((b: { name: string }) => b.name)).toEqual(["Brass Band", "Brassy", "Choir"]);
    expect(dbCost(first.headers).calls).toBeLessThanOrEqual(3);
    const second = await api("GET", `${url}?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: studio.accessToken });
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ name: "Drumline" })], nextCursor: null });
    const search = await api("GET", `${url}?q=brass`, { token: studio.accessToken });
    expect(search.body.items.map((b: { name: string }) => b.name)).toEqual(["Brass Band", "Brassy"]);
    expect(dbCost(search.headers).calls).toBeLessThanOrEqual(3);

    const choir = ids.Choir!;
    expect((await api("DELETE", `${url}/${choir}`, { token: studio.accessToken })).status).toBe(204);
    expect((await api("GET", `${url}/${choir}`, { token: studio.accessToken })).status).toBe(404);
    expect((await api("GET", `${url}?q=choir`, { token: studio.accessToken })).body.items).toEqual([]);
    expect((await api("DELETE", `${url}/${choir}`, { token: studio.accessToken })).status).toBe(404);
    const restored = await api("POST", `${url}/${choir}/restore`, { token: studio.accessToken });
    expect(restored.status).toBe(200);
    expect(restored.body.name).toBe("Choir");
    expect((await api("GET", `${url}?q=choir`, { token: studio.accessToken })).body.items).toHaveLength(1);
    expect((await api("POST", `${url}/${choir}/restore`, { token: studio.accessToken })).status).toBe(409);
    expect((await auditOf(studio, "band", choir)).map((e) => e.action)).toEqual(["band.created", "band.deleted", "band.restored"]);
  });

  it("lists the deleted bands with deletedAt for admins only", async () => {
    const studio = await ownerWithStudio();
    const gone = await newBand(studio, "Quiet Quartet");
    await newBand(studio, "Loud Trio");
    const url = `/v1/studios/${studio.studio.id}/bands`;
    expect((await api("DELETE", `${url}/${gone}`, { token: studio.accessToken })).status).toBe(204);
    const deleted = await api("GET", `${url}?deleted=true`, { token: studio.accessToken });
    expect(deleted.status).toBe(200);
    expect(deleted.body.items).toEqual([expect.objectContaining({ id: gone, name: "Quiet Quartet", deletedAt: expect.any(String) })]);
    expect(dbCost(deleted.headers).calls).toBeLessThanOrEqual(3);
    const teacher = await memberWithRole(studio, "teacher");
    expect((await api("GET", `${url}?deleted=true`, { token: teacher.accessToken })).status).toBe(403);
    expect((await api("GET", `${url}?deleted=true`, { token: intruder.accessToken })).status).toBe(404);
  });
});
