import type { LeadImportRowResult } from "@studiosync/core/leads";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { addTeacher, auditActions, memberWithRole } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Row = LeadImportRowResult;

let owner: Owner;
let outsider: Owner;
let teacher: { id: string };

const path = (rest: string, studioId = owner.studio.id) => `/v1/studios/${studioId}${rest}`;
const importCsv = (csv: string, extra: Record<string, unknown> = {}, token = owner.accessToken, studioId = owner.studio.id) =>
  api("POST", path("/leads/import", studioId), { token, body: { csv, ...extra } });
const statuses = (res: { body: { rows: Row[] } }) => res.body.rows.map((r) => `${r.row}:${r.status}`);
const counts = async () =>
  Object.fromEntries(
    ((await api("GET", path("/leads/stages"), { token: owner.accessToken })).body.stages as { key: string; count: number }[]).map((s) => [s.key, s.count]),
  );

// Header names match ignoring case and spaces; row 2 has no contact name and a bad age and email.
const LEADS = () =>
  [
    "Student First Name,student last name,ContactName,contactEmail,contactPhone,instrument,age,stage,tags,notes,assignedTeacher",
    `Ivy,Imported,Rosa Imported,Rosa@Example.test,+44 20 7946 0001,violin,9,Contacted,strings; autumn,"Met at the fair, keen",imp.teacher@example.test`,
    "Bad,Row,,not-an-email,,,nine,,,,",
    "Jon,Imported,Kim Imported,,,piano,,,,,",
  ].join("\n");

beforeAll(async () => {
  [owner, outsider] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
  teacher = await addTeacher(owner, { firstName: "Imp", lastName: "Teacher", email: "imp.teacher@example.test" });
});

describe("POST /v1/studios/{studioId}/leads/import", () => {
  let first: Row[];

  it("a dry run reports the rows and writes nothing", async () => {
    const before = await counts();
    const res = await importCsv(LEADS(), { dryRun: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: "leads", dryRun: true, created: 2, skipped: 0, failed: 1 });
    expect(res.body.rows.every((r: Row) => r.id === undefined)).toBe(true);
    expect(await counts()).toEqual(before);
    const list = await api("GET", path("/leads?limit=100"), { token: owner.accessToken });
    expect(list.body.items).toEqual([]);
  });

  it("creates the good rows as staff entry would (counted, audited), and reports the bad one by column", async () => {
    const before = await counts();
    const res = await importCsv(LEADS());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: "leads", dryRun: false, created: 2, skipped: 0, failed: 1 });
    expect(statuses(res)).toEqual(["1:created", "2:failed", "3:created"]);
    first = res.body.rows;
    expect(first[1]!.errors!.map((e) => e.field).sort()).toEqual(["age", "contactEmail", "contactName"]);
    expect(first[1]!.errors).toContainEqual({ field: "contactName", message: "is required" });

    const ivy = await api("GET", path(`/leads/${first[0]!.id}`), { token: owner.accessToken });
    expect(ivy.body).toMatchObject({
      source: "import",
      stage: "contacted",
      studentAge: 9,
      contactEmail: "rosa@example.test",
      instrument: "violin",
      tags: ["strings", "autumn"],
      assignedTeacherId: teacher.id,
    });
    expect(ivy.body.notes.map((n: { body: string }) => n.body)).toEqual(["Met at the fair, keen"]);
    const jon = await api("GET", path(`/leads/${first[2]!.id}`), { token: owner.accessToken });
    expect(jon.body).toMatchObject({ source: "import", stage: "new", contactName: "Kim Imported" });
    expect(await auditActions(owner.studio.id, "lead", first[0]!.id!)).toEqual(["lead.imported"]);

    const after = await counts();
    expect(after.contacted).toBe((before.contacted ?? 0) + 1);
    expect(after.new).toBe((before.new ?? 0) + 1);
    // membership + stages, claims BatchGetItem, teachers Query, one email + one phone Query, one TransactWriteItems
    expect(dbCost(res.headers).calls).toBe(6);
  });

  it("importing the file again skips every row it created, and the board's counts stay", async () => {
    const before = await counts();
    const res = await importCsv(LEADS().replace("Student First Name", "studentfirstname"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, skipped: 2, failed: 1 });
    expect(res.body.rows[0]).toEqual({ row: 1, status: "skipped", id: first[0]!.id });
    expect(res.body.rows[2]).toEqual({ row: 3, status: "skipped", id: first[2]!.id });
    expect(await counts()).toEqual(before);
  });

  it("a new row with an open lead's email or phone is created and names it as a duplicate", async () => {
    const csv = ["studentFirstName,studentLastName,contactName,contactPhone", "Sam,Sibling,Rosa Imported,+44 (20) 7946-0001"].join("\n");
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ row: 1, status: "created", id: expect.any(String), duplicateOf: [first[0]!.id] }]);
  });

  it("rows naming an unknown teacher, a lost or unknown stage, or a bad source fail by column", async () => {
    const csv = [
      "studentFirstName,studentLastName,contactName,assignedTeacher,stage,source",
      "A,One,C,nobody@example.test,,",
      "B,Two,C,,lost,",
      "C,Three,C,,nowhere,",
      "D,Four,C,,,flyer",
    ].join("\n");
    const res = await importCsv(csv, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: Row) => r.errors![0]!.field)).toEqual(["assignedTeacher", "stage", "stage", "source"]);
  });

  it("a file without a required column, or over the limits, is a 422 naming the csv", async () => {
    const missing = await importCsv("studentFirstName,studentLastName\nA,B\n");
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toContainEqual({ path: "csv", message: 'missing required column "contactName"' });
    const big = await importCsv("x".repeat(61 * 1024));
    expect(big.status).toBe(422);
  });

  it("another studio's id is a 404; a teacher is refused (403)", async () => {
    expect((await importCsv(LEADS(), { dryRun: true }, outsider.accessToken)).status).toBe(404);
    const member = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
    const res = await importCsv(LEADS(), { dryRun: true }, member.accessToken);
    expect(res.status).toBe(403);
  });
});
