import { randomUUID } from "node:crypto";
import { readInvoiceToken } from "@studiosync/core/billing";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { sentInvoice } from "./support/billing";
import { booked, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/**
 * The portal's Home in one read (GET /portal) and the invoice's pay link (GET …/pay-link): a
 * parent sees their family (both children), a student only themself, nobody another family's;
 * staff are sent to the workspace (403), another studio is a 404.
 */
describe("GET /v1/studios/{studioId}/portal", () => {
  let owner: Owner;
  let other: Owner;
  let familyId: string;
  let ana: { id: string };
  let ben: { id: string };
  let stranger: { id: string };
  let anaLesson: { id: string };
  let benLesson: { id: string };
  let strangerLesson: { id: string };
  let creditId: string;
  let invoice: { id: string; totalMinor: number };
  let parentToken: string;
  let studentToken: string;
  let teacherToken: string;
  const home = (token: string, query = "", studioId = owner.studio.id) => api("GET", `/v1/studios/${studioId}/portal${query}`, { token });

  beforeAll(async () => {
    [owner, other] = await Promise.all([ownerWithStudio({ timeZone: "Europe/London", currency: "GBP" }), ownerWithStudio()]);
    const path = `/v1/studios/${owner.studio.id}`;
    const family = await api("POST", `${path}/families`, { token: owner.accessToken, body: { name: `Rivera ${randomUUID().slice(0, 6)}` } });
    expect(family.status, JSON.stringify(family.body)).toBe(201);
    familyId = family.body.id;
    const teacher = await addTeacher(owner);
    [ana, ben, stranger] = await Promise.all([
      addStudent(owner, { firstName: "Ana", lastName: "Rivera", familyId, primaryTeacherId: teacher.id }),
      addStudent(owner, { firstName: "Ben", lastName: "Rivera", familyId, primaryTeacherId: teacher.id }),
      addStudent(owner, { firstName: "Sol", lastName: "Stranger", primaryTeacherId: teacher.id }),
    ]);
    anaLesson = await booked(owner, { teacherId: teacher.id, studentId: ana.id, scheduledStart: futureAt(2, 10) });
    benLesson = await booked(owner, { teacherId: teacher.id, studentId: ben.id, scheduledStart: futureAt(3, 10) });
    strangerLesson = await booked(owner, { teacherId: teacher.id, studentId: stranger.id, scheduledStart: futureAt(4, 10) });
    const cancelledLesson = await booked(owner, { teacherId: teacher.id, studentId: ana.id, scheduledStart: futureAt(5, 10) });
    const cancelled = await api("POST", `${path}/lessons/${cancelledLesson.id}/cancel`, { token: owner.accessToken, body: { reason: "Teacher ill" } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    creditId = cancelled.body.cancellation.creditId;
    invoice = await sentInvoice(owner, { kind: "family", partyId: familyId });
    const [parent, student, teacherMember] = await Promise.all([
      memberWithRole(owner, "parent", { familyId }),
      memberWithRole(owner, "student", { studentId: stranger.id }),
      memberWithRole(owner, "teacher", { teacherId: teacher.id }),
    ]);
    parentToken = parent.accessToken;
    studentToken = student.accessToken;
    teacherToken = teacherMember.accessToken;
  });

  it("gives a parent the family, both children's lessons, the make-up credit and the open invoice", async () => {
    const res = await home(parentToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ role: "parent", timeZone: "Europe/London", studentId: null, moreLessons: false });
    expect(body.household).toMatchObject({ kind: "family", id: familyId });
    expect(body.household.students.map((s: { firstName: string }) => s.firstName)).toEqual(["Ana", "Ben"]);
    expect(body.lessons.map((l: { id: string }) => l.id)).toEqual([anaLesson.id, benLesson.id]);
    expect(body.lessons[0].familyStudentIds).toEqual([ana.id]);
    expect(body.makeupCredits.map((c: { id: string }) => c.id)).toEqual([creditId]);
    expect(body.billing).toMatchObject({ accountId: familyId, currency: "GBP", balanceMinor: invoice.totalMinor });
    expect(body.billing.openInvoices.map((i: { id: string }) => i.id)).toEqual([invoice.id]);
    expect(body.names.students[ana.id]).toBe("Ana Rivera");
    expect(Object.keys(body.names.teachers)).toHaveLength(1);
  });

  it("narrows to one child with studentId, and answers 404 for a child of another family", async () => {
    const res = await home(parentToken, `?studentId=${ben.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.studentId).toBe(ben.id);
    expect(res.body.lessons.map((l: { id: string }) => l.id)).toEqual([benLesson.id]);
    expect(res.body.makeupCredits).toEqual([]);
    expect(res.body.billing.openInvoices).toHaveLength(1);
    expect((await home(parentToken, `?studentId=${stranger.id}`)).status).toBe(404);
  });

  it("gives a student only themself: their lessons, no family, no one else's billing", async () => {
    const res = await home(studentToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ role: "student", household: { kind: "student", id: stranger.id, name: "Sol Stranger" } });
    expect(res.body.lessons.map((l: { id: string }) => l.id)).toEqual([strangerLesson.id]);
    expect(res.body.makeupCredits).toEqual([]);
    expect(res.body.billing).toBeNull();
    expect((await home(studentToken, `?studentId=${ana.id}`)).status).toBe(404);
  });

  it("refuses staff (403: the workspace is theirs) and hides another studio (404)", async () => {
    expect((await home(teacherToken)).status).toBe(403);
    expect((await home(owner.accessToken)).status).toBe(403);
    expect((await home(parentToken, "", other.studio.id)).status).toBe(404);
  });
});

describe("GET /v1/studios/{studioId}/invoices/{invoiceId}/pay-link", () => {
  it("gives the family a link to the invoice's public page, and nobody else", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "Payers" } });
    await addStudent(owner, { familyId: family.body.id, primaryTeacherId: teacher.id });
    const invoice = await sentInvoice(owner, { kind: "family", partyId: family.body.id });
    const [parent, outsider, teacherMember] = await Promise.all([
      memberWithRole(owner, "parent", { familyId: family.body.id }),
      memberWithRole(owner, "student", { studentId: (await addStudent(owner)).id }),
      memberWithRole(owner, "teacher", { teacherId: teacher.id }),
    ]);
    const link = (token: string) => api("GET", `/v1/studios/${owner.studio.id}/invoices/${invoice.id}/pay-link`, { token });

    const res = await link(parent.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.url).toContain(`/${owner.studio.slug}/invoices/${res.body.token}`);
    expect(readInvoiceToken(res.body.token)).toMatchObject({ studioId: owner.studio.id, invoiceId: invoice.id });
    const page = await api("GET", `/v1/public/invoices/${res.body.token}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);

    expect((await link(outsider.accessToken)).status).toBe(404);
    expect((await link(teacherMember.accessToken)).status).toBe(403);
  });
});
