import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { auditOf, familyWithGuardian, putStudent, softDeleteStudent } from "./support/households";
import { memberWithRole } from "./support/members";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;
const base = () => `/v1/studios/${owner.studio.id}/families`;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

describe("POST/GET /families", () => {
  it("creates a family and reads it back with guardians and students in ≤ 3 DynamoDB calls", async () => {
    const created = await api("POST", base(), {
      token: owner.accessToken,
      body: { name: "  Okafor Family ", billingEmail: "Billing@Okafor.Test", phone: "+1 555 0100", address: "2 Elm St", notes: "Pays yearly" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Okafor Family",
      billingEmail: "billing@okafor.test",
      phone: "+1 555 0100",
      primaryContactId: null,
      guardians: [],
      students: [],
    });
    const familyId = created.body.id;
    const guardian = await api("POST", `${base()}/${familyId}/guardians`, {
      token: owner.accessToken,
      body: { firstName: "Ngozi", lastName: "Okafor", email: "NGOZI@okafor.test", relationship: "mother" },
    });
    expect(guardian.status).toBe(201);
    expect(guardian.body).toMatchObject({ familyId, email: "ngozi@okafor.test", relationship: "mother" });
    const kid = await putStudent(owner, { firstName: "Chidi", lastName: "Okafor", familyId, instrument: "violin" });
    const gone = await putStudent(owner, { firstName: "Ada", lastName: "Okafor", familyId });
    await softDeleteStudent(owner, gone);

    const read = await api("GET", `${base()}/${familyId}`, { token: owner.accessToken });
    expect(read.status).toBe(200);
    expect(read.body.guardians).toEqual([expect.objectContaining({ id: guardian.body.id, firstName: "Ngozi" })]);
    expect(read.body.students).toEqual([{ id: kid, firstName: "Chidi", lastName: "Okafor", instrument: "violin", isActive: true }]);
    expect(dbCost(read.headers).calls).toBeLessThanOrEqual(3);

    const guardians = await api("GET", `${base()}/${familyId}/guardians`, { token: owner.accessToken });
    expect(guardians.status).toBe(200);
    expect(guardians.body.items).toHaveLength(1);
    expect(dbCost(guardians.headers).calls).toBeLessThanOrEqual(3);

    const events = await auditOf(owner, "family", familyId);
    expect(events.map((e) => e.action)).toEqual(["family.created"]);
    expect(events[0]).toMatchObject({ actorId: owner.userId, changes: { name: { before: null, after: "Okafor Family" } } });
    expect((await auditOf(owner, "guardian", guardian.body.id)).map((e) => e.action)).toEqual(["guardian.created"]);
  });

  it("names each invalid field", async () => {
    const res = await api("POST", base(), {
      token: owner.accessToken,
      body: { name: "", billingEmail: "not-an-email", phone: "call me", extra: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["billingEmail", "extra", "name", "phone"]);
    const { familyId } = await familyWithGuardian(owner);
    const guardian = await api("POST", `${base()}/${familyId}/guardians`, {
      token: owner.accessToken,
      body: { firstName: "X", relationship: "uncle" },
    });
    expect(guardian.status).toBe(422);
    expect(guardian.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["lastName", "relationship"]);
  });

  it("is not found in another studio, nor under an unknown id (404)", async () => {
    const { familyId } = await familyWithGuardian(owner);
    // The intruder's own studio does not hold this family either.
    const cross = await api("GET", `/v1/studios/${intruder.studio.id}/families/${familyId}`, { token: intruder.accessToken });
    expect(cross.status).toBe(404);
    expect((await api("GET", `${base()}/no-such-family`, { token: owner.accessToken })).status).toBe(404);
  });
});

describe("GET /families (list)", () => {
  let studio: Owner;
  beforeAll(async () => {
    studio = await ownerWithStudio();
    for (const [name, billingEmail] of [
      ["Adams", "pay@adams.test"],
      ["Baker", "baker@home.test"],
      ["Bakewell", undefined],
      ["Chen", "accounts@chen.test"],
      ["Diaz", undefined],
    ] as const) {
      const res = await api("POST", `/v1/studios/${studio.studio.id}/families`, { token: studio.accessToken, body: { name, billingEmail } });
      expect(res.status).toBe(201);
    }
  });

  it("pages through the families by name with a cursor in ≤ 3 calls per page", async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await api("GET", `/v1/studios/${studio.studio.id}/families${query}`, { token: studio.accessToken });
      expect(res.status).toBe(200);
      expect(dbCost(res.headers).calls).toBeLessThanOrEqual(3);
      names.push(...res.body.items.map((f: { name: string }) => f.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(names).toEqual(["Adams", "Baker", "Bakewell", "Chen", "Diaz"]);
  });

  it("searches by name prefix and by billing email prefix", async () => {
    const byName = await api("GET", `/v1/studios/${studio.studio.id}/families?q=BAKE`, { token: studio.accessToken });
    expect(byName.body.items.map((f: { name: string }) => f.name)).toEqual(["Baker", "Bakewell"]);
    const byEmail = await api("GET", `/v1/studios/${studio.studio.id}/families?q=${encodeURIComponent("accounts@")}`, { token: studio.accessToken });
    expect(byEmail.body.items.map((f: { name: string }) => f.name)).toEqual(["Chen"]);
    expect(dbCost(byEmail.headers).calls).toBeLessThanOrEqual(3);
  });

  it("refuses bad paging input and non-admins", async () => {
    const bad = await api("GET", `/v1/studios/${studio.studio.id}/families?limit=0&cursor=garbage`, { token: studio.accessToken });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain("limit");
    const teacher = await memberWithRole(studio, "teacher", { teacherId: "t-1" });
    expect((await api("GET", `/v1/studios/${studio.studio.id}/families`, { token: teacher.accessToken })).status).toBe(403);
  });
});

describe("PATCH /families/{familyId}", () => {
  it("changes fields, clears with null, and sets a guardian of this family as primary contact", async () => {
    const { familyId, guardianId } = await familyWithGuardian(owner, "Novak Family");
    const other = await familyWithGuardian(owner, "Other Family");
    const res = await api("PATCH", `${base()}/${familyId}`, {
      token: owner.accessToken,
      body: { name: "Novák Family", billingEmail: "pay@novak.test", primaryContactId: guardianId, notes: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Novák Family", billingEmail: "pay@novak.test", primaryContactId: guardianId, notes: null });
    expect(res.body.guardians).toHaveLength(1);

    // The new name and email are searchable (keys rewritten with the record).
    const found = await api("GET", `${base()}?q=novak`, { token: owner.accessToken });
    expect(found.body.items.map((f: { id: string }) => f.id)).toContain(familyId);
    const byEmail = await api("GET", `${base()}?q=pay%40novak`, { token: owner.accessToken });
    expect(byEmail.body.items.map((f: { id: string }) => f.id)).toEqual([familyId]);

    for (const contact of [other.guardianId, "no-such-guardian"]) {
      const wrong = await api("PATCH", `${base()}/${familyId}`, { token: owner.accessToken, body: { primaryContactId: contact, name: "Changed" } });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors).toEqual([{ path: "primaryContactId", message: "must be a guardian of this family" }]);
    }
    const unchanged = await api("GET", `${base()}/${familyId}`, { token: owner.accessToken });
    expect(unchanged.body.name).toBe("Novák Family");

    const events = await auditOf(owner, "family", familyId);
    expect(events.map((e) => e.action)).toEqual(["family.created", "family.updated"]);
    expect(events[1]!.changes).toMatchObject({
      name: { before: "Novak Family", after: "Novák Family" },
      primaryContactId: { before: null, after: guardianId },
    });
  });

  it("names invalid fields", async () => {
    const { familyId } = await familyWithGuardian(owner);
    const res = await api("PATCH", `${base()}/${familyId}`, { token: owner.accessToken, body: { name: "", billingEmail: "x@", primaryContactId: "" } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["billingEmail", "name", "primaryContactId"]);
  });
});

describe("guardians", () => {
  it("updates a guardian and clears the primary contact when that guardian is removed", async () => {
    const { familyId, guardianId } = await familyWithGuardian(owner, "Schmidt Family");
    const patched = await api("PATCH", `${base()}/${familyId}/guardians/${guardianId}`, {
      token: owner.accessToken,
      body: { relationship: "grandparent", phone: "555 0101", email: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ relationship: "grandparent", phone: "555 0101", email: null });
    const bad = await api("PATCH", `${base()}/${familyId}/guardians/${guardianId}`, { token: owner.accessToken, body: { relationship: "boss" } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("relationship");

    await api("PATCH", `${base()}/${familyId}`, { token: owner.accessToken, body: { primaryContactId: guardianId } });
    const removed = await api("DELETE", `${base()}/${familyId}/guardians/${guardianId}`, { token: owner.accessToken });
    expect(removed.status).toBe(204);
    const family = await api("GET", `${base()}/${familyId}`, { token: owner.accessToken });
    expect(family.body).toMatchObject({ primaryContactId: null, guardians: [] });
    expect((await api("DELETE", `${base()}/${familyId}/guardians/${guardianId}`, { token: owner.accessToken })).status).toBe(404);
    expect((await api("PATCH", `${base()}/${familyId}/guardians/${guardianId}`, { token: owner.accessToken, body: { phone: "1" } })).status).toBe(404);
    // A guardian of another family is not reachable through this one.
    const other = await familyWithGuardian(owner);
    expect((await api("PATCH", `${base()}/${familyId}/guardians/${other.guardianId}`, { token: owner.accessToken, body: { phone: "1" } })).status).toBe(404);

    expect((await auditOf(owner, "guardian", guardianId)).map((e) => e.action)).toEqual(["guardian.created", "guardian.updated", "guardian.deleted"]);
    const familyEvents = await auditOf(owner, "family", familyId);
    expect(familyEvents.at(-1)!.changes).toEqual({ primaryContactId: { before: guardianId, after: null } });
  });
});

describe("parents and teachers", () => {
  let studio: Owner;
  let own: { familyId: string; guardianId: string };
  let other: { familyId: string; guardianId: string };
  let parent: Awaited<ReturnType<typeof memberWithRole>>;
  beforeAll(async () => {
    studio = await ownerWithStudio();
    [own, other] = await Promise.all([familyWithGuardian(studio, "Own Family"), familyWithGuardian(studio, "Other Family")]);
    await putStudent(studio, { firstName: "Kid", lastName: "Own", familyId: own.familyId, primaryTeacherId: "teacher-a" });
    await putStudent(studio, { firstName: "Kid", lastName: "Other", familyId: other.familyId, primaryTeacherId: "teacher-b" });
    parent = await memberWithRole(studio, "parent", { familyId: own.familyId, guardianId: own.guardianId });
  });
  const url = (familyId: string, rest = "") => `/v1/studios/${studio.studio.id}/families/${familyId}${rest}`;

  it("a parent reads their own family, not another", async () => {
    const mine = await api("GET", url(own.familyId), { token: parent.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.students.map((s: { lastName: string }) => s.lastName)).toEqual(["Own"]);
    expect((await api("GET", url(own.familyId, "/guardians"), { token: parent.accessToken })).status).toBe(200);
    expect((await api("GET", url(other.familyId), { token: parent.accessToken })).status).toBe(404);
    expect((await api("GET", url(other.familyId, "/guardians"), { token: parent.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${studio.studio.id}/families`, { token: parent.accessToken })).status).toBe(403);
  });

  it("a parent changes their family's contact details and their own guardian record only", async () => {
    const ok = await api("PATCH", url(own.familyId), { token: parent.accessToken, body: { phone: "555 0199", billingEmail: "me@own.test" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ phone: "555 0199", billingEmail: "me@own.test" });
    const name = await api("PATCH", url(own.familyId), { token: parent.accessToken, body: { name: "Renamed", phone: "1" } });
    expect(name.status).toBe(403);
    expect(name.body.errors).toEqual([{ path: "name", message: "only an admin may change this" }]);
    expect((await api("PATCH", url(other.familyId), { token: parent.accessToken, body: { phone: "1" } })).status).toBe(404);
    const self = await api("PATCH", url(own.familyId, `/guardians/${own.guardianId}`), { token: parent.accessToken, body: { phone: "555 0123" } });
    expect(self.status).toBe(200);
    const events = await auditOf(studio, "guardian", own.guardianId);
    expect(events.at(-1)).toMatchObject({ action: "guardian.updated", actorId: parent.userId });

    const second = await api("POST", url(own.familyId, "/guardians"), { token: studio.accessToken, body: { firstName: "Sam", lastName: "Own" } });
    expect((await api("PATCH", url(own.familyId, `/guardians/${second.body.id}`), { token: parent.accessToken, body: { phone: "1" } })).status).toBe(403);
    expect((await api("POST", url(own.familyId, "/guardians"), { token: parent.accessToken, body: { firstName: "A", lastName: "B" } })).status).toBe(403);
    expect((await api("DELETE", url(own.familyId), { token: parent.accessToken })).status).toBe(403);
  });

  it("a teacher reads only the families of students they teach, and changes none", async () => {
    const teacher = await memberWithRole(studio, "teacher", { teacherId: "teacher-a" });
    const read = await api("GET", url(own.familyId), { token: teacher.accessToken });
    expect(read.status).toBe(200);
    expect(dbCost(read.headers).calls).toBeLessThanOrEqual(3);
    expect((await api("GET", url(own.familyId, "/guardians"), { token: teacher.accessToken })).status).toBe(200);
    expect((await api("GET", url(other.familyId), { token: teacher.accessToken })).status).toBe(404);
    expect((await api("PATCH", url(own.familyId), { token: teacher.accessToken, body: { phone: "1" } })).status).toBe(403);
    expect((await api("PATCH", url(other.familyId), { token: teacher.accessToken, body: { phone: "1" } })).status).toBe(404);
    const student = await memberWithRole(studio, "student", { studentId: "whoever" });
    expect((await api("GET", url(own.familyId), { token: student.accessToken })).status).toBe(404);
  });
});

describe("DELETE and restore", () => {
  it("soft-deletes a family out of lists and GET, and restores it", async () => {
    const studio = await ownerWithStudio();
    const { familyId } = await familyWithGuardian(studio, "Gone Family");
    const url = `/v1/studios/${studio.studio.id}/families`;
    expect((await api("DELETE", `${url}/${familyId}`, { token: studio.accessToken })).status).toBe(204);
    expect((await api("GET", `${url}/${familyId}`, { token: studio.accessToken })).status).toBe(404);
    expect((await api("GET", url, { token: studio.accessToken })).body.items).toEqual([]);
    expect((await api("GET", `${url}?q=gone`, { token: studio.accessToken })).body.items).toEqual([]);
    expect((await api("PATCH", `${url}/${familyId}`, { token: studio.accessToken, body: { name: "X" } })).status).toBe(404);
    expect((await api("DELETE", `${url}/${familyId}`, { token: studio.accessToken })).status).toBe(404);

    const restored = await api("POST", `${url}/${familyId}/restore`, { token: studio.accessToken });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: familyId, name: "Gone Family" });
    expect(restored.body.guardians).toHaveLength(1);
    expect((await api("GET", url, { token: studio.accessToken })).body.items.map((f: { id: string }) => f.id)).toEqual([familyId]);
    expect((await api("POST", `${url}/${familyId}/restore`, { token: studio.accessToken })).status).toBe(409);
    expect((await api("POST", `/v1/studios/${intruder.studio.id}/families/${familyId}/restore`, { token: intruder.accessToken })).status).toBe(404);
    expect((await auditOf(studio, "family", familyId)).map((e) => e.action)).toEqual(["family.created", "family.deleted", "family.restored"]);
  });

  it("lists the deleted families with deletedAt for admins only", async () => {
    const studio = await ownerWithStudio();
    const { familyId } = await familyWithGuardian(studio, "Faded Family");
    const url = `/v1/studios/${studio.studio.id}/families`;
    expect((await api("DELETE", `${url}/${familyId}`, { token: studio.accessToken })).status).toBe(204);
    const deleted = await api("GET", `${url}?deleted=true`, { token: studio.accessToken });
    expect(deleted.status).toBe(200);
    expect(deleted.body.items).toEqual([expect.objectContaining({ id: familyId, name: "Faded Family", deletedAt: expect.any(String) })]);
    expect(dbCost(deleted.headers).calls).toBeLessThanOrEqual(3);
    expect((await api("GET", `${url}?deleted=true&q=faded`, { token: studio.accessToken })).body.items).toHaveLength(1);
    const teacher = await memberWithRole(studio, "teacher");
    expect((await api("GET", `${url}?deleted=true`, { token: teacher.accessToken })).status).toBe(403);
    expect((await api("GET", `${url}?deleted=true`, { token: intruder.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${intruder.studio.id}/families?deleted=true`, { token: intruder.accessToken })).body.items).toEqual([]);
  });
});
