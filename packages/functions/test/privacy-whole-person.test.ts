import { randomUUID } from "node:crypto";
import { describeObject } from "@studiosync/core/files";
import { signExportLink } from "@studiosync/core/privacy";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { accountRecord, invoiceRecords, sentInvoice } from "./support/billing";
import { auditOf, familyWithGuardian } from "./support/households";
import { booked, futureAt } from "./support/lessons";
import { addStudent, addTeacher, memberWithRole } from "./support/people";
import { exportAs as exportAsIn, openLink } from "./support/privacy";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
/** Each test builds a whole household (a dozen writes) and exports it. */
const SLOW = 120_000;
let owner: Owner;
const studio = (rest: string) => `/v1/studios/${owner.studio.id}${rest}`;
const student = (id: string) => ({ subject: { type: "student", id } });

beforeAll(async () => {
  owner = await ownerWithStudio();
});

/** Two days ago as a calendar date (a practice log may not be in the future). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * A child in a family, with staff notes, a lesson with three notes (private, for the student, for
 * the parent), a goal, a practice log, invoices on their own and the family's account naming them,
 * and a payment; the parent is a member with a calendar feed of the child.
 */
async function household() {
  const tag = randomUUID().slice(0, 6);
  // The family's name is not the child's: it stays after the child's erasure.
  const { familyId, guardianId } = await familyWithGuardian(owner, `Okafor ${randomUUID().slice(0, 6)} Family`);
  expect((await api("PATCH", studio(`/families/${familyId}`), { token: owner.accessToken, body: { notes: "Staff: pays late" } })).status).toBe(200);
  const teacher = await addTeacher(owner);
  const child = await addStudent(owner, {
    firstName: "Ada",
    lastName: `Whole${tag}`,
    email: `ada.${tag}@example.test`,
    familyId,
    primaryTeacherId: teacher.id,
    notes: "Staff: needs patience",
    medicalNotes: "Asthma",
  });
  const fullName = `Ada Whole${tag}`;
  const lesson = await booked(owner, { teacherId: teacher.id, studentId: child.id, scheduledStart: futureAt(4, 15) });
  const note = (summary: string, flags: Record<string, boolean>) =>
    api("POST", studio(`/lessons/${lesson.id}/notes`), { token: owner.accessToken, body: { summary, ...flags } });
  for (const res of await Promise.all([
    note("Private to staff", {}),
    note("For the student", { visibleToStudent: true }),
    note("For the parent", { visibleToParent: true }),
  ]))
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  const goal = await api("POST", studio("/goals"), { token: owner.accessToken, body: { studentId: child.id, title: "Grade 3 by June" } });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  const log = await api("POST", studio("/practice-logs"), { token: owner.accessToken, body: { studentId: child.id, practisedOn: daysAgo(2), minutes: 25 } });
  expect(log.status, JSON.stringify(log.body)).toBe(201);
  const own = await sentInvoice(owner, { kind: "student", partyId: child.id }, [
    { description: `Theory class for ${fullName}`, quantity: 1, unitPriceMinor: 2500 },
  ]);
  const family = await sentInvoice(owner, { kind: "family", partyId: familyId }, [
    { description: `Violin lessons (${fullName})`, quantity: 1, unitPriceMinor: 6000 },
    { description: "Room hire", quantity: 1, unitPriceMinor: 1000 },
  ]);
  const payment = await api("POST", studio("/payments"), {
    token: owner.accessToken,
    body: { accountId: familyId, amountMinor: 3000, method: "check", invoiceId: family.id },
  });
  expect(payment.status, JSON.stringify(payment.body)).toBe(201);
  const parent = await memberWithRole(owner, "parent", { guardianId, familyId });
  const feed = await api("POST", studio("/calendar-feeds"), { token: parent.accessToken, body: { subjectType: "student", subjectId: child.id } });
  expect(feed.status, JSON.stringify(feed.body)).toBe(201);
  return {
    tag,
    fullName,
    familyId,
    guardianId,
    teacher,
    child,
    lesson,
    goalId: goal.body.id,
    logId: log.body.id,
    own,
    family,
    paymentId: payment.body.id,
    parent,
    feedId: feed.body.id,
  };
}

const exportAs = (token: string, email: string, body: unknown) => exportAsIn(owner.studio.id, token, email, body);

const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

describe("issue 10 #17: an export covers the whole person, as the requester may see it", () => {
  it(
    "a parent's export of their child: lessons, attendance, parent notes only, goals, practice, accounts, invoices, payments; no staff-only fields",
    async () => {
      const h = await household();
      const { doc } = await exportAs(h.parent.accessToken, h.parent.email, student(h.child.id));
      expect(doc.profile).toMatchObject({ studentId: h.child.id, firstName: "Ada" });
      expect(doc.profile).not.toHaveProperty("notes");
      expect(doc.profile).not.toHaveProperty("medicalNotes");
      expect(doc.family).toMatchObject({ id: h.familyId });
      expect(doc.family).not.toHaveProperty("notes");
      expect(doc.lessons).toHaveLength(1);
      expect(doc.lessons[0]).toMatchObject({ id: h.lesson.id, teacherId: h.teacher.id, attendance: { studentId: h.child.id, status: null } });
      expect(doc.lessons[0].notes.map((n: { summary: string }) => n.summary)).toEqual(["For the parent"]);
      expect(doc.goals.map((g: { id: string; title: string }) => [g.id, g.title])).toEqual([[h.goalId, "Grade 3 by June"]]);
      expect(ids(doc.practiceLogs)).toEqual([h.logId]);
      expect(ids(doc.billingAccounts)).toEqual([h.child.id, h.familyId].sort());
      expect(ids(doc.invoices)).toEqual([h.own.id, h.family.id].sort());
      expect(ids(doc.payments)).toEqual([h.paymentId]);
      expect(doc.limits).toMatchObject({ sectionsTruncated: false });

      // The parent's own export holds their feed, without its secret URL.
      const mine = await exportAs(h.parent.accessToken, h.parent.email, { subject: { type: "guardian", id: h.guardianId, familyId: h.familyId } });
      expect(mine.doc.calendarFeeds).toEqual([expect.objectContaining({ id: h.feedId, subjectType: "student", subjectId: h.child.id })]);
      expect(JSON.stringify(mine.doc.calendarFeeds)).not.toMatch(/token|url/i);
      expect(ids(mine.doc.invoices)).toEqual([h.family.id]);
    },
    SLOW,
  );

  it(
    "a student's own export: only the notes shown to students, their own account (not the family's); an admin's: everything",
    async () => {
      const h = await household();
      const self = await memberWithRole(owner, "student", { studentId: h.child.id });
      const { doc } = await exportAs(self.accessToken, self.email, student(h.child.id));
      expect(doc.lessons[0].notes.map((n: { summary: string }) => n.summary)).toEqual(["For the student"]);
      expect(doc.profile).not.toHaveProperty("notes");
      expect(ids(doc.billingAccounts)).toEqual([h.child.id]);
      expect(ids(doc.invoices)).toEqual([h.own.id]);

      const admin = await exportAs(owner.accessToken, owner.email, student(h.child.id));
      expect(admin.doc.profile).toMatchObject({ notes: "Staff: needs patience", medicalNotes: "Asthma" });
      expect(admin.doc.family).toMatchObject({ notes: "Staff: pays late" });
      expect(admin.doc.lessons[0].notes.map((n: { summary: string }) => n.summary).sort()).toEqual(["For the parent", "For the student", "Private to staff"]);
    },
    SLOW,
  );

  it(
    "the views apply the same staff-only rule: a parent sees neither the student's nor the family's notes",
    async () => {
      const h = await household();
      const asParent = await api("GET", studio(`/students/${h.child.id}`), { token: h.parent.accessToken });
      expect(asParent.status).toBe(200);
      expect(asParent.body).not.toHaveProperty("notes");
      expect(asParent.body).not.toHaveProperty("medicalNotes");
      const family = await api("GET", studio(`/families/${h.familyId}`), { token: h.parent.accessToken });
      expect(family.status).toBe(200);
      expect(family.body).not.toHaveProperty("notes");
      const asOwner = await api("GET", studio(`/families/${h.familyId}`), { token: owner.accessToken });
      expect(asOwner.body.notes).toBe("Staff: pays late");
      const teacher = await memberWithRole(owner, "teacher", { teacherId: h.teacher.id });
      expect((await api("GET", studio(`/students/${h.child.id}`), { token: teacher.accessToken })).body).toMatchObject({ notes: "Staff: needs patience" });
    },
    SLOW,
  );
});

describe("issue 10 #17: the emailed link presigns on click", () => {
  it(
    "refuses an expired, altered or foreign link (404) and never puts a presigned URL in the email",
    async () => {
      const h = await household();
      const { exportId, link } = await exportAs(owner.accessToken, owner.email, student(h.child.id));
      const key = `privacy-exports/${owner.studio.id}/student/${h.child.id}/${exportId}.json`;
      expect(await describeObject(key)).not.toBeNull();
      const expired = signExportLink(key, Math.floor(Date.now() / 1000) - 1);
      expect((await openLink(expired)).status).toBe(404);
      const [payload, mac] = link.split(".") as [string, string];
      const forged = Buffer.from(JSON.stringify({ k: key.replace(exportId, randomUUID()), e: Math.floor(Date.now() / 1000) + 60 })).toString("base64url");
      expect((await openLink(`${forged}.${mac}`)).status).toBe(404);
      expect((await openLink(`${payload}.${mac}x`)).status).toBe(404);
      expect((await openLink(`${payload}`)).status).toBe(404);
      // A link to a key of another shape (a studio's logo, say) is refused even when signed.
      expect((await openLink(signExportLink(`${owner.studio.id}/branding/logo.png`, Math.floor(Date.now() / 1000) + 60))).status).toBe(404);
      // Still valid: a second click presigns again.
      expect((await openLink(link)).status).toBe(302);
    },
    SLOW,
  );
});

describe("issue 10 #17: erasure reaches everything that names the person", () => {
  it(
    "leaves no name or email in the account, invoices, other records' audit events, invitations, access requests; deletes the exports at once",
    async () => {
      const h = await household();
      const email = h.child.email as string;
      const invited = await api("POST", studio("/invitations"), { token: owner.accessToken, body: { email, role: "student", studentId: h.child.id } });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      const requested = await api("POST", `/v1/public/studios/${owner.studio.slug}/access-requests`, {
        body: { email: email.toUpperCase(), firstName: "Ada", lastName: `Whole${h.tag}`, role: "student", message: "Hello" },
      });
      expect(requested.status, JSON.stringify(requested.body)).toBe(202);
      const exported = await exportAs(owner.accessToken, owner.email, student(h.child.id));
      const key = `privacy-exports/${owner.studio.id}/student/${h.child.id}/${exported.exportId}.json`;
      expect(await describeObject(key)).not.toBeNull();
      expect((await accountRecord(owner.studio.id, h.child.id))?.name).toBe(h.fullName);

      const res = await api("POST", studio("/privacy/erasures"), { token: owner.accessToken, body: student(h.child.id) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);

      expect(await describeObject(key)).toBeNull();
      expect((await openLink(exported.link)).status).toBe(404);
      expect((await accountRecord(owner.studio.id, h.child.id))?.name).toBe("Erased Person");
      const invoices = [...(await invoiceRecords(owner.studio.id, h.child.id)), ...(await invoiceRecords(owner.studio.id, h.familyId))];
      expect(invoices.map((i) => i.invoiceId).sort()).toEqual([h.own.id, h.family.id].sort());
      expect(JSON.stringify(invoices)).not.toContain(h.tag);
      expect(invoices.flatMap((i) => i.lines.map((l) => l.description)).sort()).toEqual([
        "Room hire",
        "Theory class for Erased Person",
        "Violin lessons (Erased Person)",
      ]);
      const audits = await Promise.all([
        auditOf(owner, "invoice", h.own.id),
        auditOf(owner, "invoice", h.family.id),
        auditOf(owner, "billingAccount", h.child.id),
        auditOf(owner, "family", h.familyId),
        auditOf(owner, "invitation", invited.body.id),
        auditOf(owner, "student", h.child.id),
      ]);
      expect(audits.flat().length).toBeGreaterThan(4);
      expect(JSON.stringify(audits)).not.toContain(h.tag);
      const invitations = await api("GET", studio("/invitations?limit=100"), { token: owner.accessToken });
      const requests = await api("GET", studio("/access-requests?limit=100"), { token: owner.accessToken });
      expect(JSON.stringify(invitations.body).toLowerCase()).not.toContain(h.tag);
      expect(JSON.stringify(requests.body).toLowerCase()).not.toContain(h.tag);
      // The family's other data stays.
      expect((await api("GET", studio(`/families/${h.familyId}`), { token: owner.accessToken })).body.notes).toBe("Staff: pays late");
    },
    SLOW,
  );
});
