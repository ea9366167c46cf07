import { randomUUID } from "node:crypto";
import { addDays, localParts, zonedInstant } from "@studiosync/core/kernel";
import { leadsDb } from "@studiosync/core/leads";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { outboxConsumerFor, outboxDrained, readMail } from "@studiosync/local/testing";
import { sendLeadFollowUps } from "../src/modules/leads/jobs/send-lead-follow-ups";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { addTeacher, memberWithRole } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ZONE = "Europe/London";
const today = () => localParts(new Date(), ZONE).date;

let owner: Owner;
let outsider: Owner;
let outbox: StreamPoller | undefined;

const path = (rest: string, studioId = owner.studio.id) => `/v1/studios/${studioId}${rest}`;
const as = (method: string, rest: string, body?: unknown, token = owner.accessToken) =>
  api(method, path(rest), { token, ...(body === undefined ? {} : { body }) });

async function addLead(body: Record<string, unknown> = {}) {
  const res = await as("POST", "/leads", { studentFirstName: "Mia", studentLastName: "Lopez", contactName: "Ana Lopez", ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; stage: string };
}

const stageCount = async (key: string) =>
  ((await as("GET", "/leads/stages")).body.stages as { key: string; count: number }[]).find((s) => s.key === key)!.count;

afterAll(() => outbox?.stop());

beforeAll(async () => {
  // The follow-up job reads every studio's due buckets: this file has a table (and an outbox consumer) of its own.
  const env = inject("localEnv");
  const tableName = `leads-${randomUUID()}`;
  await ensureTableAndBucket({ tableName, bucketName: env.bucketName, dynamodbEndpoint: env.dynamodbEndpoint, s3Endpoint: env.s3Endpoint });
  applyLocalEnv({ ...env, tableName });
  outbox = await outboxConsumerFor(tableName);
  [owner, outsider] = await Promise.all([ownerWithStudio({ timeZone: ZONE, currency: "GBP", studioName: "Harmony House" }), ownerWithStudio()]);
});

describe("leads: entry, stages and the board", () => {
  it("staff enter a lead, move it (lost needs a reason), and the board's counts follow in two DynamoDB calls", async () => {
    const before = await stageCount("contacted");
    const lead = await addLead({ source: "walk_in", tags: ["piano"], walkInOn: today() });
    expect(lead.stage).toBe("new");

    const moved = await as("POST", `/leads/${lead.id}/stage`, { stage: "contacted" });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.stageHistory.map((h: { stage: string }) => h.stage)).toEqual(["new", "contacted"]);
    expect(await stageCount("contacted")).toBe(before + 1);

    const noReason = await as("POST", `/leads/${lead.id}/stage`, { stage: "lost" });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toContainEqual(expect.objectContaining({ path: "lostReason" }));
    const unknown = await as("POST", `/leads/${lead.id}/stage`, { stage: "nowhere" });
    expect(unknown.status).toBe(422);

    const board = await as("GET", "/leads/board");
    expect(board.status).toBe(200);
    expect(board.body.items.map((l: { id: string }) => l.id)).toContain(lead.id);
    expect(board.body.stages.map((s: { key: string }) => s.key)).toEqual(["new", "contacted", "trial_booked", "trial_done", "enrolled", "lost"]);
    expect(dbCost(board.headers).calls).toBeLessThanOrEqual(2);

    const note = await as("POST", `/leads/${lead.id}/contact-attempts`, { outcome: "Left a voicemail" });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ contactAttempts: 1 });
    expect(note.body.notes.at(-1)).toMatchObject({ kind: "contact", body: "Left a voicemail" });

    expect((await api("GET", path(`/leads/${lead.id}`), { token: outsider.accessToken })).status).toBe(404);
  });

  it("custom stages are added, renamed and removed only when empty", async () => {
    const stages = (await as("GET", "/leads/stages")).body.stages as { key: string; name: string }[];
    const withCustom = [
      ...stages.slice(0, 2).map(({ key, name }) => ({ key, name })),
      { name: "Auditioned" },
      ...stages.slice(2).map(({ key, name }) => ({ key, name })),
    ];
    const added = await as("PUT", "/leads/stages", { stages: withCustom });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const custom = added.body.stages[2];
    expect(custom).toMatchObject({ key: "custom_1", name: "Auditioned", builtIn: false });

    const lead = await addLead({ studentFirstName: "Stage", stage: "custom_1" });
    const withoutCustom = added.body.stages
      .filter((s: { key: string }) => s.key !== "custom_1")
      .map(({ key, name }: { key: string; name: string }) => ({ key, name }));
    expect((await as("PUT", "/leads/stages", { stages: withoutCustom })).status).toBe(409);
    await as("POST", `/leads/${lead.id}/stage`, { stage: "new" });
    expect((await as("PUT", "/leads/stages", { stages: withoutCustom })).status).toBe(200);
    const dropBuiltIn = await as("PUT", "/leads/stages", { stages: withoutCustom.filter((s: { key: string }) => s.key !== "lost") });
    expect(dropBuiltIn.status).toBe(422);
  });
});

describe("duplicates and merge", () => {
  it("GET shows the duplicate (same phone digits); merge keeps A's fields, fills B's, moves notes and tasks, and B leaves the lists", async () => {
    const a = await addLead({ studentFirstName: "Leo", contactName: "Sam Ortiz", contactPhone: "+44 20 7946 0958", instrument: "Piano" });
    const b = await addLead({
      studentFirstName: "Leo",
      contactName: "Sam Ortiz",
      contactPhone: "+44 (0)20 7946-0958".replace("(0)", ""),
      contactEmail: "sam.ortiz@example.com",
      level: "beginner",
      instrument: "Guitar",
    });
    await as("POST", `/leads/${b.id}/notes`, { body: "Prefers Saturdays" });
    const task = await as("POST", `/leads/${b.id}/tasks`, { title: "Call back", dueOn: addDays(today(), 2) });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    const newBefore = await stageCount("new");

    const shown = await as("GET", `/leads/${a.id}`);
    expect(shown.body.duplicates.map((d: { id: string }) => d.id)).toEqual([b.id]);

    const merged = await as("POST", `/leads/${a.id}/merge`, { duplicateId: b.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({ instrument: "Piano", contactEmail: "sam.ortiz@example.com", level: "beginner", mergedFrom: [b.id] });
    expect(merged.body.notes.map((n: { body: string }) => n.body)).toContain("Prefers Saturdays");

    expect((await as("GET", `/leads/${b.id}`)).status).toBe(404);
    expect(await stageCount("new")).toBe(newBefore - 1);
    const withTasks = await as("GET", `/leads/${a.id}?include=tasks`);
    expect(withTasks.body.tasks.map((t: { id: string }) => t.id)).toEqual([task.body.id]);
    expect(withTasks.body.duplicates).toEqual([]);
    const listed = await as("GET", "/leads?limit=100");
    expect(listed.body.items.map((l: { id: string }) => l.id)).not.toContain(b.id);
    expect((await as("POST", `/leads/${a.id}/merge`, { duplicateId: b.id })).status).toBe(422);
  });
});

describe("conversion", () => {
  it("makes the family, guardian and student in one transaction, enrols the lead and invites the guardian; the first weekly lesson books for the new student", async () => {
    const teacher = await addTeacher(owner, { firstName: "Tomás", lastName: "Vega" });
    const email = `ana.${randomUUID().slice(0, 8)}@example.com`;
    const lead = await addLead({
      studentFirstName: "Zoe",
      studentLastName: "Reyes",
      contactName: "Ana Reyes",
      contactEmail: email,
      contactPhone: "07700 900123",
      instrument: "Violin",
      level: "Beginner",
      studentAge: 9,
      assignedTeacherId: teacher.id,
    });
    const enrolledBefore = await stageCount("enrolled");

    const converted = await as("POST", `/leads/${lead.id}/convert`, { inviteGuardian: true });
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    const { familyId, studentId, guardianId } = converted.body;
    expect(converted.body.lead).toMatchObject({ stage: "enrolled", familyId, studentId });
    expect(converted.body.invitation).toMatchObject({ id: expect.any(String) });
    // The first weekly lesson, right after: planning's own route for the new student.
    const weekly = await as("POST", "/recurring-patterns", {
      studentId,
      teacherId: teacher.id,
      type: "private",
      frequency: "weekly",
      startDate: addDays(today(), 7),
      startTime: "16:00",
      durationMinutes: 30,
    });
    expect(weekly.status, JSON.stringify(weekly.body)).toBe(201);
    expect(weekly.body.lessonsCreated).toBeGreaterThan(0);

    const student = await as("GET", `/students/${studentId}`);
    expect(student.body).toMatchObject({
      firstName: "Zoe",
      lastName: "Reyes",
      instrument: "Violin",
      skillLevel: "beginner",
      familyId,
      primaryTeacherId: teacher.id,
    });
    const family = await as("GET", `/families/${familyId}`);
    expect(family.body).toMatchObject({ name: "Reyes family", billingEmail: email });
    const guardians = await as("GET", `/families/${familyId}/guardians`);
    expect(guardians.body.items ?? guardians.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: guardianId, firstName: "Ana", lastName: "Reyes", email })]),
    );
    expect(await stageCount("enrolled")).toBe(enrolledBefore + 1);
    await outboxDrained(owner.studio.id);
    expect(await readMail(email, { subject: /invit/i })).toHaveLength(1);

    const again = await as("POST", `/leads/${lead.id}/convert`, {});
    expect(again.status).toBe(409);
  });

  it("a refused reference writes nothing: no family, no student, the lead stays open", async () => {
    const lead = await addLead({ studentFirstName: "Nope" });
    const refused = await as("POST", `/leads/${lead.id}/convert`, { primaryTeacherId: "01900000-0000-7000-8000-000000000000" });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: "primaryTeacherId" }));
    expect((await as("GET", `/leads/${lead.id}`)).body).toMatchObject({ stage: "new", convertedAt: null, familyId: null });
  });
});

describe("the follow-ups job", () => {
  it("run twice sends the owner ONE email listing the due and overdue tasks, with links to the leads", async () => {
    const lead = await addLead({ studentFirstName: "Ivy", studentLastName: "Chen" });
    const due = addDays(today(), 1);
    const t1 = await as("POST", `/leads/${lead.id}/tasks`, { title: "Send the trial times", dueOn: due });
    const t2 = await as("POST", `/leads/${lead.id}/tasks`, { title: "Ask about the sibling", dueOn: today() });
    expect([t1.status, t2.status]).toEqual([201, 201]);

    const early = await sendLeadFollowUps(() => zonedInstant(due, "07:00", ZONE))();
    expect(early.waiting).toBeGreaterThanOrEqual(1);
    const first = await sendLeadFollowUps(() => zonedInstant(due, "09:00", ZONE))();
    const second = await sendLeadFollowUps(() => zonedInstant(due, "10:00", ZONE))();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second.sent).toBe(0);
    await outboxDrained(owner.studio.id);
    // The early run (07:00 tomorrow) sent today's list (the task due today); 09:00 tomorrow's, once.
    const mail = await readMail(owner.email, { subject: /^Follow-ups at/, count: 2 });
    expect(mail.map((m) => m.subject.replace(/^.*: /, "")).sort()).toEqual(["1 due today", "1 due today, 1 overdue"]);
    const text = mail.find((m) => m.subject.endsWith("1 due today, 1 overdue"))!.body.text;
    expect(text).toContain("Send the trial times");
    expect(text).toContain("Ask about the sibling");
    expect(text).toContain(`/dashboard/studios/${owner.studio.id}/leads/${lead.id}`);

    // Done tasks leave the queue; the marker records the day's email.
    await as("PATCH", `/leads/${lead.id}/tasks/${t1.body.id}`, { status: "done" });
    const queued = await leadsDb().entities.leadTaskDue.query.leadTaskDue({ day: due }).go();
    expect(queued.data.filter((d) => d.taskId === t1.body.id)).toHaveLength(0);
    const marker = await leadsDb().entities.leadFollowUpSent.get({ studioId: owner.studio.id, ownerId: owner.userId, day: due }).go();
    expect(marker.data?.taskIds?.sort()).toEqual([t1.body.id, t2.body.id].sort());
  });
});

describe("who may", () => {
  it("a teacher sees only the leads assigned to them, read-only except notes; a parent sees none", async () => {
    const teacher = await addTeacher(owner, { firstName: "Ada", lastName: "Byrne" });
    const member = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
    const mine = await addLead({ studentFirstName: "Assigned", assignedTeacherId: teacher.id });
    const other = await addLead({ studentFirstName: "Other" });
    const list = await as("GET", "/leads?limit=100", undefined, member.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.items.map((l: { id: string }) => l.id)).toEqual([mine.id]);
    expect((await as("GET", `/leads/${other.id}`, undefined, member.accessToken)).status).toBe(404);
    expect((await as("POST", `/leads/${mine.id}/notes`, { body: "Met at the open day" }, member.accessToken)).status).toBe(201);
    expect((await as("PATCH", `/leads/${mine.id}`, { instrument: "Cello" }, member.accessToken)).status).toBe(403);
    const parent = await memberWithRole(owner, "parent");
    expect((await as("GET", "/leads", undefined, parent.accessToken)).status).toBe(403);
  });
});

describe("the funnel", () => {
  it("counts the range's leads per stage and source, with conversion and time in stage", async () => {
    const res = await as("GET", `/leads/funnel?from=${addDays(today(), -1)}&to=${today()}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(5);
    expect(res.body.won).toBeGreaterThanOrEqual(1);
    const walkIns = res.body.sources.find((s: { source: string }) => s.source === "walk_in");
    expect(walkIns.count).toBeGreaterThanOrEqual(1);
    expect(res.body.stages.find((s: { key: string }) => s.key === "new").medianHoursInStage).not.toBeNull();
    expect((await as("GET", `/leads/funnel?from=${today()}&to=${addDays(today(), -3)}`)).status).toBe(422);
  });
});
