import { readMail } from "@studiosync/local/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson, booked, futureAt, pastAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Member = Awaited<ReturnType<typeof memberWithRole>>;

describe("reschedule requests", () => {
  let owner: Owner;
  let admin: Member;
  let teacher: { id: string; email: string };
  let otherTeacherToken: string;
  let student: { id: string; email: string };
  let siblingId: string;
  let guardianEmail: string;
  let tokens: Record<"teacher" | "student" | "otherStudent" | "parent" | "otherParent", string>;
  let day = 0;
  const studio = (rest = "") => `/v1/studios/${owner.studio.id}${rest}`;
  const ask = (body: Record<string, unknown>, token = tokens.student, headers?: Record<string, string>) =>
    api("POST", studio("/reschedule-requests"), { token, body, headers });
  const act = (id: string, verb: "approve" | "reject" | "withdraw", token: string, body?: unknown) =>
    api("POST", studio(`/reschedule-requests/${id}/${verb}`), { token, body });
  /** A lesson of the student at 16:00 New York time on a weekday of 2027 no other test of this file uses. */
  const nextLesson = async (studentId = student.id) => {
    day += 2;
    const date = new Date(Date.UTC(2027, 1, 1 + day)).toISOString().slice(0, 10);
    const lesson = await booked(owner, { teacherId: teacher.id, studentId, scheduledStart: `${date}T16:00:00-05:00` });
    return { ...lesson, date, proposed: `${date}T17:30:00-05:00` };
  };

  beforeAll(async () => {
    owner = await ownerWithStudio({ timeZone: "America/New_York", studioName: "Harmony House" });
    const teacherEmail = uniqueEmail("teacher").toLowerCase();
    const [t, other] = await Promise.all([addTeacher(owner, { email: teacherEmail }), addTeacher(owner)]);
    teacher = { id: t.id, email: teacherEmail };
    const family = await api("POST", studio("/families"), { token: owner.accessToken, body: { name: "The Tanakas" } });
    guardianEmail = uniqueEmail("guardian").toLowerCase();
    await api("POST", studio(`/families/${family.body.id}/guardians`), {
      token: owner.accessToken,
      body: { firstName: "Yui", lastName: "Tanaka", relationship: "mother", email: guardianEmail },
    });
    const studentEmail = uniqueEmail("student").toLowerCase();
    const s = await addStudent(owner, { firstName: "Kenji", lastName: "Tanaka", email: studentEmail, primaryTeacherId: t.id, familyId: family.body.id });
    student = { id: s.id, email: studentEmail };
    siblingId = (await addStudent(owner, { firstName: "Aiko", lastName: "Tanaka", primaryTeacherId: t.id, familyId: family.body.id })).id;
    const otherStudent = await addStudent(owner, { primaryTeacherId: other.id });
    const otherFamily = await api("POST", studio("/families"), { token: owner.accessToken, body: { name: "Others" } });
    const members = await Promise.all([
      memberWithRole(owner, "admin"),
      memberWithRole(owner, "teacher", { teacherId: t.id }),
      memberWithRole(owner, "teacher", { teacherId: other.id }),
      memberWithRole(owner, "student", { studentId: s.id }),
      memberWithRole(owner, "student", { studentId: otherStudent.id }),
      memberWithRole(owner, "parent", { familyId: family.body.id }),
      memberWithRole(owner, "parent", { familyId: otherFamily.body.id }),
    ]);
    admin = members[0];
    otherTeacherToken = members[2].accessToken;
    tokens = {
      teacher: members[1].accessToken,
      student: members[3].accessToken,
      otherStudent: members[4].accessToken,
      parent: members[5].accessToken,
      otherParent: members[6].accessToken,
    };
  });

  it("lets a student ask to move a lesson and emails its teacher and the studio's admins", async () => {
    const lesson = await nextLesson();
    const since = Math.floor(Date.now() / 1000) - 1;
    const res = await ask({ lessonId: lesson.id, proposedStart: lesson.proposed, message: "School trip that day" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      lessonId: lesson.id,
      studentId: student.id,
      teacherId: teacher.id,
      status: "pending",
      originalLocal: { date: lesson.date, startTime: "16:00", endTime: "16:45", timeZone: "America/New_York" },
      proposedLocal: { date: lesson.date, startTime: "17:30", endTime: "18:15", timeZone: "America/New_York" },
      message: "School trip that day",
    });
    for (const to of [teacher.email, owner.email, admin.email]) {
      const [mail] = await readMail(to, { subject: "Reschedule request: Kenji Tanaka", since });
      expect(mail!.body.text).toContain("16:00–16:45 (America/New_York)");
      expect(mail!.body.text).toContain("17:30–18:15 (America/New_York)");
      expect(mail!.body.text).toContain("School trip that day");
      // "Review the request" opens the request's own page in the workspace.
      expect(mail!.body.text).toContain(`/dashboard/studios/${owner.studio.id}/requests/reschedules/${res.body.id}`);
    }
    expect(await auditActions(owner.studio.id, "reschedule_request", res.body.id)).toEqual(["reschedule_request.created"]);

    // One pending request per lesson, whoever asks.
    expect((await ask({ lessonId: lesson.id, proposedStart: lesson.proposed })).status).toBe(409);
    expect((await ask({ lessonId: lesson.id, proposedStart: lesson.proposed }, tokens.parent)).status).toBe(409);
    // Only the one who asked takes it back; then the parent may ask.
    expect((await act(res.body.id, "withdraw", tokens.parent)).status).toBe(403);
    const withdrawn = await act(res.body.id, "withdraw", tokens.student);
    expect(withdrawn.body.status).toBe("withdrawn");
    expect((await act(res.body.id, "withdraw", tokens.student)).status).toBe(409);
    const again = await ask({ lessonId: lesson.id, proposedStart: lesson.proposed }, tokens.parent);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(res.body.id);
  });

  it("refuses those who move lessons themselves, strangers, past lessons and bad times", async () => {
    const lesson = await nextLesson();
    const body = { lessonId: lesson.id, proposedStart: lesson.proposed };
    for (const token of [owner.accessToken, admin.accessToken, tokens.teacher]) expect((await ask(body, token)).status).toBe(403);
    for (const token of [tokens.otherStudent, tokens.otherParent, otherTeacherToken]) expect((await ask(body, token)).status).toBe(404);
    const bad = async (b: Record<string, unknown>) => (await ask(b)).body.errors?.map((e: { path: string }) => e.path);
    expect(await bad({ lessonId: lesson.id, proposedStart: pastAt(1, 10) })).toEqual(["proposedStart"]);
    expect(await bad({ lessonId: lesson.id, proposedStart: lesson.scheduledStart })).toEqual(["proposedStart"]);
    expect(await bad({ lessonId: lesson.id })).toEqual(["proposedStart"]);
    const past = await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: pastAt(2, 10) });
    expect((await ask({ lessonId: past.id, proposedStart: futureAt(3, 10) })).status).toBe(409);
  });

  it("approves a request: the lesson moves, records where it was, and the family is emailed", async () => {
    const lesson = await nextLesson();
    const request = (await ask({ lessonId: lesson.id, proposedStart: lesson.proposed })).body;
    const since = Math.floor(Date.now() / 1000) - 1;
    expect((await act(request.id, "approve", tokens.parent)).status).toBe(403);
    expect((await act(request.id, "approve", otherTeacherToken)).status).toBe(404);
    const approved = await act(request.id, "approve", tokens.teacher, { note: "See you then" });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", reviewedBy: expect.any(String), reviewNote: "See you then" });

    const moved = await api("GET", studio(`/lessons/${lesson.id}`), { token: tokens.student });
    expect(moved.body).toMatchObject({
      scheduledStart: new Date(lesson.proposed).toISOString(),
      rescheduledFrom: lesson.scheduledStart,
      local: { startTime: "17:30", endTime: "18:15" },
    });
    // The old time is free for the teacher again.
    const other = await addStudent(owner);
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: other.id, scheduledStart: lesson.scheduledStart })).status).toBe(201);

    for (const to of [student.email, guardianEmail]) {
      const [mail] = await readMail(to, { subject: "Lesson moved: Kenji Tanaka", since });
      expect(mail!.body.text).toContain("The lesson is now on");
      expect(mail!.body.text).toContain("17:30–18:15 (America/New_York)");
      expect(mail!.body.text).toContain("See you then");
      // Families have no portal yet: the link is the studio's public page.
      expect(mail!.body.text).toContain(`Visit Harmony House`);
      expect(mail!.body.text).toContain(`/${owner.studio.slug}`);
      expect(mail!.body.text).not.toContain("/dashboard");
    }
    expect((await act(request.id, "approve", owner.accessToken)).status).toBe(409);
    expect(await auditActions(owner.studio.id, "reschedule_request", request.id)).toEqual(["reschedule_request.created", "reschedule_request.approved"]);
    expect(await auditActions(owner.studio.id, "lesson", lesson.id)).toContain("lesson.rescheduled");
  });

  it("re-checks conflicts on approval, keeping the request pending; rejects with a note", async () => {
    const lesson = await nextLesson();
    const request = (await ask({ lessonId: lesson.id, proposedStart: lesson.proposed })).body;
    const blocker = await booked(owner, { teacherId: teacher.id, studentId: (await addStudent(owner)).id, scheduledStart: lesson.proposed });
    const clash = await act(request.id, "approve", owner.accessToken);
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0]).toMatchObject({ lessonId: blocker.id, resource: "teacher" });
    expect((await api("GET", studio(`/reschedule-requests/${request.id}`), { token: tokens.student })).body.status).toBe("pending");
    expect((await api("GET", studio(`/lessons/${lesson.id}`), { token: tokens.student })).body.scheduledStart).toBe(lesson.scheduledStart);

    const since = Math.floor(Date.now() / 1000) - 1;
    const rejected = await act(request.id, "reject", admin.accessToken, { note: "That slot is taken" });
    expect(rejected.body).toMatchObject({ status: "rejected", reviewNote: "That slot is taken" });
    const [mail] = await readMail(guardianEmail, { subject: "Reschedule request declined", since });
    expect(mail!.body.text).toContain("That slot is taken");
    expect(mail!.body.text).toContain("16:00–16:45 (America/New_York)");
    expect((await act(request.id, "reject", admin.accessToken)).status).toBe(409);
    expect((await act(request.id, "approve", admin.accessToken)).status).toBe(409);
  });

  it("lists and shows requests to those who may see them", async () => {
    const lesson = await nextLesson();
    const mine = (await ask({ lessonId: lesson.id, proposedStart: lesson.proposed })).body;
    const siblings = await nextLesson(siblingId);
    const sibling = (await ask({ lessonId: siblings.id, proposedStart: siblings.proposed }, tokens.parent)).body;
    const list = async (token: string, query = "") => {
      const res = await api("GET", studio(`/reschedule-requests${query}`), { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((r: { id: string }) => r.id) as string[];
    };
    expect(await list(owner.accessToken)).toEqual(expect.arrayContaining([mine.id, sibling.id]));
    expect((await list(owner.accessToken)).indexOf(sibling.id)).toBeLessThan((await list(owner.accessToken)).indexOf(mine.id));
    expect(await list(owner.accessToken, "?status=approved")).not.toContain(mine.id);
    expect(await list(owner.accessToken, `?studentId=${siblingId}`)).toEqual([sibling.id]);
    expect(await list(tokens.teacher)).toEqual(expect.arrayContaining([mine.id, sibling.id]));
    expect(await list(tokens.teacher, `?studentId=${siblingId}&status=pending`)).toEqual([sibling.id]);
    expect(await list(otherTeacherToken)).toEqual([]);
    expect(await list(tokens.student)).toContain(mine.id);
    expect(await list(tokens.student)).not.toContain(sibling.id);
    expect(await list(tokens.otherStudent)).toEqual([]);
    expect(await list(tokens.otherParent)).toEqual([]);
    expect((await api("GET", studio(`/reschedule-requests?studentId=${siblingId}`), { token: tokens.student })).status).toBe(403);

    // A parent sees each child's requests in turn, one page after the other.
    const everything = await list(tokens.parent);
    expect(everything).toEqual(expect.arrayContaining([mine.id, sibling.id]));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api(
        "GET",
        studio(`/reschedule-requests?limit=1${cursor ? `&cursor=${cursor}` : ""}`),
        { token: tokens.parent },
      );
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 50);
    expect(seen.sort()).toEqual([...everything].sort());
    expect((await api("GET", studio("/reschedule-requests?cursor=bogus"), { token: tokens.parent })).status).toBe(422);

    for (const token of [owner.accessToken, tokens.teacher, tokens.student, tokens.parent]) {
      expect((await api("GET", studio(`/reschedule-requests/${mine.id}`), { token })).status).toBe(200);
    }
    for (const token of [otherTeacherToken, tokens.otherStudent, tokens.otherParent]) {
      expect((await api("GET", studio(`/reschedule-requests/${mine.id}`), { token })).status).toBe(404);
    }
    expect((await api("GET", studio("/reschedule-requests/not-a-request"), { token: owner.accessToken })).status).toBe(404);
  });

  it("replays a retried request with the same Idempotency-Key", async () => {
    const lesson = await nextLesson();
    const headers = { "Idempotency-Key": `rr-${lesson.id}` };
    const first = await ask({ lessonId: lesson.id, proposedStart: lesson.proposed }, tokens.student, headers);
    const second = await ask({ lessonId: lesson.id, proposedStart: lesson.proposed }, tokens.student, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(second.body.id).toBe(first.body.id);
  });
});
