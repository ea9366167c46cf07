import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "@studiosync/local/testing";
import { api, ownerWithStudio } from "./support/api";
import { familyWithGuardian } from "./support/households";
import { addStudent, addTeacher, auditActions, memberWithRole, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
const exportsUrl = (studioId: string) => `/v1/studios/${studioId}/privacy/exports`;
const erasuresUrl = (studioId: string) => `/v1/studios/${studioId}/privacy/erasures`;
const student = (id: string) => ({ subject: { type: "student", id } });

beforeAll(async () => {
  owner = await ownerWithStudio();
});

/** A family with a guardian and a child in it, in a band, with the personal fields filled in. */
async function household() {
  const tag = randomUUID().slice(0, 6);
  const { familyId, guardianId } = await familyWithGuardian(owner, `Rivera${tag} Family`);
  const teacher = await addTeacher(owner);
  const child = await addStudent(owner, {
    firstName: "Nora",
    lastName: `Privacy${tag}`,
    email: `nora.${tag}@example.test`,
    phone: "+1 555 0199",
    dateOfBirth: "2012-05-04",
    emergencyContactName: "Grandpa",
    emergencyContactPhone: "+1 555 0100",
    medicalNotes: "Asthma",
    notes: "Shy at first",
    instrument: "violin",
    familyId,
    primaryTeacherId: teacher.id,
  });
  const band = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: `Strings ${tag}` } });
  expect(band.status).toBe(201);
  expect((await api("PUT", `/v1/studios/${owner.studio.id}/bands/${band.body.id}/members/${child.id}`, { token: owner.accessToken })).status).toBe(200);
  return { tag, familyId, guardianId, teacher, child, bandName: band.body.name as string };
}

/** The export a requester was emailed: the link (to the site, which presigns on click) opened through the API. */
async function downloadExport(email: string, exportId: string) {
  // The outbox sends it just after the commit: wait for the one whose link names this export.
  const linkOf = (text: string) =>
    (text.match(/https?:\/\/\S+\/privacy-exports\/\S+/g) ?? [])
      .map((url) => decodeURIComponent(new URL(url).pathname.split("/").pop()!))
      .find((t) => JSON.parse(Buffer.from(t.split(".")[1]!, "base64url").toString()).k.endsWith(`/${exportId}.json`));
  const token = await awaitMail(email, (m) => linkOf(m.body.text ?? ""), { subject: "data export" });
  const opened = await api("GET", `/v1/public/privacy-exports/${encodeURIComponent(token)}`);
  expect(opened.status).toBe(302);
  const file = await fetch(opened.headers.get("location")!);
  expect(file.status).toBe(200);
  return (await file.json()) as Record<string, any>;
}

describe("POST /v1/studios/{studioId}/privacy/exports", () => {
  it("emails an admin a 24-hour link to a JSON export of a student, family, guardians, bands and audit events", async () => {
    const { child, familyId, guardianId, bandName } = await household();
    const res = await api("POST", exportsUrl(owner.studio.id), { token: owner.accessToken, body: student(child.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.exportId).toEqual(expect.any(String));
    const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    const doc = await downloadExport(owner.email, res.body.exportId);
    expect(doc).toMatchObject({
      exportId: res.body.exportId,
      studio: { id: owner.studio.id },
      subject: { type: "student", id: child.id },
      profile: { studentId: child.id, firstName: "Nora", email: child.email, dateOfBirth: "2012-05-04", medicalNotes: "Asthma", familyId },
      family: { id: familyId },
      guardians: [{ id: guardianId, firstName: "Maria", relationship: "mother" }],
      bands: [{ name: bandName, isPrimaryContact: false }],
      membership: null,
      limits: { bandScanLimit: 500, bandsTruncated: false, auditEventsTruncated: false },
    });
    expect(doc.profile).not.toHaveProperty("nameKey");
    expect(doc.auditEvents.map((e: { action: string }) => e.action)).toContain("student.created");
    expect(await auditActions(owner.studio.id, "student", child.id)).toContain("privacy.exported");
  });

  it("lets a student export their own data, and nobody else's (404)", async () => {
    const { child } = await household();
    const other = await addStudent(owner);
    const self = await memberWithRole(owner, "student", { studentId: child.id });
    const res = await api("POST", exportsUrl(owner.studio.id), { token: self.accessToken, body: student(child.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const doc = await downloadExport(self.email, res.body.exportId);
    expect(doc.profile.studentId).toBe(child.id);
    expect(doc.membership).toMatchObject({ userId: self.userId, role: "student", studentId: child.id });

    const foreign = await api("POST", exportsUrl(owner.studio.id), { token: self.accessToken, body: student(other.id) });
    expect(foreign.status).toBe(404);
    const teacher = await api("POST", exportsUrl(owner.studio.id), { token: self.accessToken, body: { subject: { type: "teacher", id: randomUUID() } } });
    expect(teacher.status).toBe(404);
  });

  it("lets a parent export their child's data and their own, not another family's child", async () => {
    const { child, familyId, guardianId } = await household();
    const stranger = await addStudent(owner);
    const parent = await memberWithRole(owner, "parent", { guardianId, familyId });
    const forChild = await api("POST", exportsUrl(owner.studio.id), { token: parent.accessToken, body: student(child.id) });
    expect(forChild.status, JSON.stringify(forChild.body)).toBe(202);
    expect((await downloadExport(parent.email, forChild.body.exportId)).profile.firstName).toBe("Nora");

    const own = await api("POST", exportsUrl(owner.studio.id), {
      token: parent.accessToken,
      body: { subject: { type: "guardian", id: guardianId, familyId } },
    });
    expect(own.status).toBe(202);
    const doc = await downloadExport(parent.email, own.body.exportId);
    expect(doc).toMatchObject({ subject: { type: "guardian", id: guardianId }, family: { id: familyId }, children: [{ id: child.id }] });
    expect(doc.auditEvents.map((e: { action: string }) => e.action)).toContain("guardian.created");

    expect((await api("POST", exportsUrl(owner.studio.id), { token: parent.accessToken, body: student(stranger.id) })).status).toBe(404);
  });

  it("refuses a teacher their student's export (403: they see the student) but exports the teacher themself", async () => {
    const { child, teacher } = await household();
    const member = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
    const forStudent = await api("POST", exportsUrl(owner.studio.id), { token: member.accessToken, body: student(child.id) });
    expect(forStudent.status).toBe(403);
    const own = await api("POST", exportsUrl(owner.studio.id), { token: member.accessToken, body: { subject: { type: "teacher", id: teacher.id } } });
    expect(own.status).toBe(202);
    expect((await downloadExport(member.email, own.body.exportId)).profile.teacherId).toBe(teacher.id);
  });

  it("names invalid fields and hides missing records", async () => {
    const bad = await api("POST", exportsUrl(owner.studio.id), { token: owner.accessToken, body: { subject: { type: "band", id: "x" } } });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(["subject.type"]);
    const noFamily = await api("POST", exportsUrl(owner.studio.id), { token: owner.accessToken, body: { subject: { type: "guardian", id: "g" } } });
    expect(paths(noFamily)).toEqual(["subject.familyId"]);
    expect((await api("POST", exportsUrl(owner.studio.id), { token: owner.accessToken, body: student(randomUUID()) })).status).toBe(404);
  });
});

describe("POST /v1/studios/{studioId}/privacy/erasures", () => {
  it("anonymises a student in place: same id, 'Erased Person', not found by the old name or email; twice is fine", async () => {
    const { child, tag, familyId } = await household();
    const res = await api("POST", erasuresUrl(owner.studio.id), { token: owner.accessToken, body: student(child.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ subject: { type: "student", id: child.id }, firstName: "Erased", lastName: "Person" });
    expect([...res.body.erasedFields].sort()).toEqual([
      "dateOfBirth",
      "email",
      "emergencyContactName",
      "emergencyContactPhone",
      "firstName",
      "lastName",
      "medicalNotes",
      "notes",
      "phone",
    ]);

    const read = await api("GET", `/v1/studios/${owner.studio.id}/students/${child.id}`, { token: owner.accessToken });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: child.id,
      firstName: "Erased",
      lastName: "Person",
      email: null,
      phone: null,
      dateOfBirth: null,
      emergencyContactName: null,
      emergencyContactPhone: null,
      medicalNotes: null,
      notes: null,
      instrument: "violin",
      familyId,
    });
    const search = (q: string) => api("GET", `/v1/studios/${owner.studio.id}/students?q=${encodeURIComponent(q)}`, { token: owner.accessToken });
    expect((await search(`Nora Privacy${tag}`)).body.items).toEqual([]);
    expect((await search(`nora.${tag}@`)).body.items).toEqual([]);
    expect((await search("Erased Person")).body.items.map((s: { id: string }) => s.id)).toContain(child.id);

    const events = await api("GET", `/v1/studios/${owner.studio.id}/audit-events?entityType=student&entityId=${child.id}`, { token: owner.accessToken });
    const erased = events.body.items.find((e: { action: string }) => e.action === "privacy.erased");
    expect(erased.changes.email).toEqual({ before: "[erased]", after: null });
    // No earlier event about the student (its creation, say) still holds what was erased.
    expect(events.body.items.map((e: { action: string }) => e.action)).toContain("student.created");
    expect(JSON.stringify(events.body.items)).not.toContain(tag);
    const created = events.body.items.find((e: { action: string }) => e.action === "student.created");
    expect(created.changes.firstName).toEqual({ before: null, after: "[erased]" });

    const again = await api("POST", erasuresUrl(owner.studio.id), { token: owner.accessToken, body: student(child.id) });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ firstName: "Erased", lastName: "Person", erasedFields: [] });
  });

  it("anonymises a guardian and a teacher (who leaves the public page), keeping the teacher's rate", async () => {
    const { familyId, guardianId } = await household();
    const guardian = await api("POST", erasuresUrl(owner.studio.id), {
      token: owner.accessToken,
      body: { subject: { type: "guardian", id: guardianId, familyId } },
    });
    expect(guardian.status, JSON.stringify(guardian.body)).toBe(200);
    const family = await api("GET", `/v1/studios/${owner.studio.id}/families/${familyId}`, { token: owner.accessToken });
    expect(family.body.guardians).toEqual([expect.objectContaining({ id: guardianId, firstName: "Erased", lastName: "Person", email: null })]);

    const teacher = await addTeacher(owner, {
      email: `t.${randomUUID().slice(0, 6)}@example.test`,
      bio: "Juilliard",
      isPublic: true,
      publicBio: "Hi",
      hourlyRateMinor: 6000,
    });
    const res = await api("POST", erasuresUrl(owner.studio.id), { token: owner.accessToken, body: { subject: { type: "teacher", id: teacher.id } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const read = await api("GET", `/v1/studios/${owner.studio.id}/teachers/${teacher.id}`, { token: owner.accessToken });
    expect(read.body).toMatchObject({
      firstName: "Erased",
      lastName: "Person",
      email: null,
      bio: null,
      publicBio: null,
      isPublic: false,
      hourlyRateMinor: 6000,
    });
  });

  it("is for admins only (403) and hides missing records (404)", async () => {
    const { child, familyId, guardianId } = await household();
    const self = await memberWithRole(owner, "student", { studentId: child.id });
    const parent = await memberWithRole(owner, "parent", { guardianId, familyId });
    expect((await api("POST", erasuresUrl(owner.studio.id), { token: self.accessToken, body: student(child.id) })).status).toBe(403);
    expect((await api("POST", erasuresUrl(owner.studio.id), { token: parent.accessToken, body: student(child.id) })).status).toBe(403);
    expect((await api("POST", erasuresUrl(owner.studio.id), { token: owner.accessToken, body: student(randomUUID()) })).status).toBe(404);
    const read = await api("GET", `/v1/studios/${owner.studio.id}/students/${child.id}`, { token: owner.accessToken });
    expect(read.body.firstName).toBe("Nora");
  });
});
