import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { auditActions, familyStudentIds, memberWithRole, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
interface Row {
  row: number;
  status: string;
  id?: string;
  errors?: { field: string; message: string }[];
}

const url = (studioId: string) => `/v1/studios/${studioId}/imports`;
const importCsv = (owner: Owner, kind: string, csv: string, extra: Record<string, unknown> = {}) =>
  api("POST", url(owner.studio.id), { token: owner.accessToken, body: { kind, csv, ...extra } });
const statuses = (res: { body: { rows: Row[] } }) => res.body.rows.map((r) => `${r.row}:${r.status}`);
const listed = async (owner: Owner, what: "students" | "families") => {
  const res = await api("GET", `/v1/studios/${owner.studio.id}/${what}?limit=100`, { token: owner.accessToken });
  expect(res.status).toBe(200);
  return res.body.items as ({ id: string } & Record<string, unknown>)[];
};
const problemPaths = (res: { body: { errors?: { path: string; message: string }[] } }) => (res.body.errors ?? []).map((e) => `${e.path}: ${e.message}`);

const STUDENTS = [
  "firstName,lastName,email,instrument,skillLevel,dateOfBirth,familyName,notes",
  "Lina,Lute,Lina@Lute.Test,lute,intermediate,2014-02-28,The Lutes,",
  "Bad,,not-an-email,,guru,2015-02-30,,",
  'Otto,Oboe,,oboe,,,,"Loves Bach, ""Mozart""',
  'and jazz"',
].join("\n");

describe("POST /v1/studios/{studioId}/imports: students", () => {
  let owner: Owner;
  let familyId: string;
  let first: Row[];

  beforeAll(async () => {
    owner = await ownerWithStudio();
    familyId = await seedFamily(owner.studio.id, "The Lutes");
  });

  it("creates the good rows, reports the bad one with field errors, links the named family, audited", async () => {
    const res = await importCsv(owner, "students", STUDENTS);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: "students", dryRun: false, created: 2, skipped: 0, failed: 1 });
    expect(statuses(res)).toEqual(["1:created", "2:failed", "3:created"]);
    first = res.body.rows;
    expect(first[1]!.id).toBeUndefined();
    expect(first[1]!.errors!.map((e) => e.field).sort()).toEqual(["dateOfBirth", "email", "lastName", "skillLevel"]);
    expect(first[1]!.errors).toContainEqual({ field: "lastName", message: "is required" });

    const lina = await api("GET", `/v1/studios/${owner.studio.id}/students/${first[0]!.id}`, { token: owner.accessToken });
    expect(lina.body).toMatchObject({ firstName: "Lina", email: "lina@lute.test", skillLevel: "intermediate", familyId, isActive: true });
    expect(lina.body.enrollmentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const otto = await api("GET", `/v1/studios/${owner.studio.id}/students/${first[2]!.id}`, { token: owner.accessToken });
    expect(otto.body).toMatchObject({ firstName: "Otto", instrument: "oboe", familyId: null, notes: 'Loves Bach, "Mozart"\nand jazz' });
    expect(await familyStudentIds(owner.studio.id, familyId)).toEqual([first[0]!.id]);
    expect(await auditActions(owner.studio.id, "student", first[0]!.id!)).toEqual(["student.imported"]);
    // membership + studio, one family name Query, one claims BatchGetItem, one TransactWriteItems
    expect(dbCost(res.headers).calls).toBe(4);
  });

  it("importing the same file again creates nothing: every good row is skipped with its id", async () => {
    const before = await listed(owner, "students");
    const res = await importCsv(owner, "students", STUDENTS);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, skipped: 2, failed: 1 });
    expect(res.body.rows.map((r: Row) => r.id)).toEqual(first.map((r) => r.id));
    expect((await listed(owner, "students")).length).toBe(before.length);
    expect(before.length).toBe(2);
    expect(await familyStudentIds(owner.studio.id, familyId)).toEqual([first[0]!.id]);
    expect(dbCost(res.headers).calls).toBe(3);
  });

  it("recognises the same rows whatever the column order, header case, spacing and email case", async () => {
    const csv =
      "\uFEFFFamilyName , LASTNAME,firstName,email,instrument,skillLevel,dateOfBirth,notes\r\n the lutes ,Lute,  Lina ,LINA@lute.test,lute,intermediate,2014-02-28,\r\n";
    const res = await importCsv(owner, "students", csv);
    expect(res.body).toMatchObject({ created: 0, skipped: 1, failed: 0 });
    expect(res.body.rows[0].id).toBe(first[0]!.id);
  });

  it("skips a row identical to an earlier row of the same file, pointing at the first", async () => {
    const res = await importCsv(owner, "students", "firstName,lastName\nTwin,Same\nTwin,Same\nOther,One\n");
    expect(statuses(res)).toEqual(["1:created", "2:skipped", "3:created"]);
    expect(res.body.rows[1].id).toBe(res.body.rows[0].id);
    expect((await listed(owner, "students")).filter((s) => s.firstName === "Twin")).toHaveLength(1);
  });

  it("two imports of the same file at once still create each row once", async () => {
    const fresh = await ownerWithStudio();
    const csv = ["firstName,lastName", ...Array.from({ length: 10 }, (_, i) => `Race${i},Row`)].join("\n");
    const [a, b] = await Promise.all([importCsv(fresh, "students", csv), importCsv(fresh, "students", csv)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.created + b.body.created).toBe(10);
    expect(a.body.skipped + b.body.skipped).toBe(10);
    expect(a.body.rows.map((r: Row) => r.id)).toEqual(b.body.rows.map((r: Row) => r.id));
    expect(await listed(fresh, "students")).toHaveLength(10);
  });

  it("fails rows naming no family or with the wrong number of fields", async () => {
    const res = await importCsv(owner, "students", "firstName,lastName,familyName\nNo,Family,The Nobodies\nToo,Many,Fields,Here\nShort\n");
    expect(statuses(res)).toEqual(["1:failed", "2:failed", "3:failed"]);
    expect(res.body.rows[0].errors).toEqual([{ field: "familyName", message: "no family of this studio has this name" }]);
    expect(res.body.rows[1].errors).toEqual([{ field: "row", message: "has 4 fields; the header has 3" }]);
  });

  it("writes up to 33 rows per transaction", async () => {
    const fresh = await ownerWithStudio();
    const lines = Array.from({ length: 40 }, (_, i) => `Bulk${String(i).padStart(2, "0")},Row`);
    const res = await importCsv(fresh, "students", ["firstName,lastName", ...lines].join("\n"));
    expect(res.body).toMatchObject({ created: 40, failed: 0 });
    // membership + studio, one claims BatchGetItem, two TransactWriteItems (33 + 7 rows)
    expect(dbCost(res.headers).calls).toBe(4);
    expect(await listed(fresh, "students")).toHaveLength(40);
    const again = await importCsv(fresh, "students", ["firstName,lastName", ...lines].join("\n"));
    expect(again.body).toMatchObject({ created: 0, skipped: 40 });
    expect(dbCost(again.headers).calls).toBe(2);
  });
});

describe("POST /v1/studios/{studioId}/imports: families, dry run, refusals", () => {
  let owner: Owner;
  beforeAll(async () => {
    owner = await ownerWithStudio();
  });

  const FAMILIES = 'name,billingEmail,phone,address\r\nThe Smiths,Bills@Smith.Test,+1 555 0100,"1 Main St, Springfield"\r\nThe Does,,,\r\n,,+1 555 0199,\r\n';

  it("a dry run reports what would happen and writes nothing", async () => {
    const res = await importCsv(owner, "families", FAMILIES, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: "families", dryRun: true, created: 2, skipped: 0, failed: 1 });
    expect(res.body.rows[0]).toEqual({ row: 1, status: "created" });
    expect(res.body.rows[2].errors).toEqual([{ field: "name", message: "is required" }]);
    expect(await listed(owner, "families")).toEqual([]);
    expect(dbCost(res.headers).wcu).toBe(0);
  });

  it("imports families, then skips them when imported again", async () => {
    const res = await importCsv(owner, "families", FAMILIES);
    expect(res.body).toMatchObject({ dryRun: false, created: 2, skipped: 0, failed: 1 });
    const families = await listed(owner, "families");
    expect(families.map((f) => f.name)).toEqual(["The Does", "The Smiths"]);
    expect(families.find((f) => f.name === "The Smiths")).toMatchObject({
      id: res.body.rows[0].id,
      billingEmail: "bills@smith.test",
      phone: "+1 555 0100",
      address: "1 Main St, Springfield",
    });
    expect(await auditActions(owner.studio.id, "family", res.body.rows[0].id)).toEqual(["family.imported"]);

    const again = await importCsv(owner, "families", FAMILIES);
    expect(statuses(again)).toEqual(["1:skipped", "2:skipped", "3:failed"]);
    expect(again.body.rows.slice(0, 2).map((r: Row) => r.id)).toEqual(res.body.rows.slice(0, 2).map((r: Row) => r.id));
    expect(await listed(owner, "families")).toHaveLength(2);

    const dry = await importCsv(owner, "families", FAMILIES, { dryRun: true });
    expect(dry.body).toMatchObject({ created: 0, skipped: 2, failed: 1 });
    expect(dry.body.rows[0].id).toBe(res.body.rows[0].id);
  });

  it("names unknown and missing columns (422), and refuses broken CSV", async () => {
    const unknown = await importCsv(owner, "students", "firstName,nickname,shoeSize\nA,B,C\n");
    expect(unknown.status).toBe(422);
    expect(problemPaths(unknown)).toEqual([
      expect.stringMatching(/^csv: unknown column "nickname"/),
      expect.stringMatching(/^csv: unknown column "shoeSize"/),
      'csv: missing required column "lastName"',
    ]);
    const families = await importCsv(owner, "families", "name,firstName\nX,Y\n");
    expect(problemPaths(families)).toEqual([expect.stringMatching(/^csv: unknown column "firstName"/)]);
    const unclosed = await importCsv(owner, "families", 'name\n"The Smiths\n');
    expect(problemPaths(unclosed)).toEqual(["csv: line 2: a quoted field is never closed"]);
    const bad = await api("POST", url(owner.studio.id), { token: owner.accessToken, body: { kind: "teachers", csv: "", dryRun: "yes", extra: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["csv", "dryRun", "extra", "kind"]);
    expect(await listed(owner, "students")).toEqual([]);
  });

  it("refuses a CSV over 60 KB (422), below the 64 KB body limit", async () => {
    const csv = `name\n${"x".repeat(60 * 1024)}\n`;
    const res = await importCsv(owner, "families", csv);
    expect(res.status).toBe(422);
    expect(problemPaths(res)).toEqual(["csv: must be at most 61440 bytes (60 KB); split larger files"]);
    const multibyte = await importCsv(owner, "families", `name\n${"é".repeat(31 * 1024)}\n`);
    expect(multibyte.status).toBe(422);
  });

  it("is for admins only", async () => {
    const teacher = await memberWithRole(owner, "teacher", { teacherId: "t" });
    const body = { kind: "families", csv: "name\nThe Intruders\n" };
    expect((await api("POST", url(owner.studio.id), { token: teacher.accessToken, body })).status).toBe(403);
    const admin = await memberWithRole(owner, "admin");
    const byAdmin = await api("POST", url(owner.studio.id), { token: admin.accessToken, body: { ...body, dryRun: true } });
    expect(byAdmin.status).toBe(200);
    expect((await listed(owner, "families")).map((f) => f.name)).not.toContain("The Intruders");
  });
});
