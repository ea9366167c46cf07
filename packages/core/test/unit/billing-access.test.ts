import { describe, expect, it } from "vitest";
import { accessWithoutFacts, accountAccess, ownAccountIds, requireAccountAccess, type AccountParty } from "../../src/billing/access";
import type { StudioMember } from "../../src/policy";

const F = "family-F";
const S1 = { studentId: "S1", primaryTeacherId: "T-A", familyId: F };
const S2 = { studentId: "S2", primaryTeacherId: "T-B", familyId: "family-F2" };
const S3 = { studentId: "S3", primaryTeacherId: "T-B" };

const members: Record<string, StudioMember> = {
  owner: { userId: "u0", role: "owner" },
  admin: { userId: "u1", role: "admin" },
  teacherA: { userId: "u2", role: "teacher", teacherId: "T-A" },
  teacherB: { userId: "u3", role: "teacher", teacherId: "T-B" },
  teacherUnlinked: { userId: "u4", role: "teacher" },
  studentS1: { userId: "u5", role: "student", studentId: "S1" },
  studentS3: { userId: "u6", role: "student", studentId: "S3" },
  parentF: { userId: "u7", role: "parent", familyId: F, guardianId: "G" },
  parentF2: { userId: "u8", role: "parent", familyId: "family-F2", guardianId: "G2" },
  parentUnlinked: { userId: "u9", role: "parent" },
};

const family: AccountParty = { accountId: F, kind: "family" };
const s1Account: AccountParty = { accountId: "S1", kind: "student" };
const s3Account: AccountParty = { accountId: "S3", kind: "student" };
const band: AccountParty = { accountId: "band-B", kind: "band" };

const table = (account: AccountParty, students: (typeof S1 | typeof S3)[]) =>
  Object.fromEntries(Object.entries(members).map(([name, m]) => [name, accountAccess(m, account, { students })]));

describe("who sees a billing account", () => {
  it("family account: admins and its parents in full, the teacher of one of its students as a summary", () => {
    expect(table(family, [S1])).toEqual({
      owner: "full",
      admin: "full",
      teacherA: "summary",
      teacherB: "none",
      teacherUnlinked: "none",
      studentS1: "none",
      studentS3: "none",
      parentF: "full",
      parentF2: "none",
      parentUnlinked: "none",
    });
    // A student listed with the family but taught by B lets B see it too.
    expect(accountAccess(members.teacherB!, family, { students: [S1, { ...S3, familyId: F }] })).toBe("summary");
    // Only students of that family count.
    expect(accountAccess(members.teacherB!, family, { students: [S2] })).toBe("none");
  });

  it("student account: admins, the student, their family's parents in full; their teacher as a summary", () => {
    expect(table(s1Account, [S1])).toEqual({
      owner: "full",
      admin: "full",
      teacherA: "summary",
      teacherB: "none",
      teacherUnlinked: "none",
      studentS1: "full",
      studentS3: "none",
      parentF: "full",
      parentF2: "none",
      parentUnlinked: "none",
    });
    expect(table(s3Account, [S3])).toMatchObject({ teacherB: "summary", studentS3: "full", parentF: "none", studentS1: "none" });
    // Without the student's facts (deleted student) only admins and the student themself see it.
    expect(table(s1Account, [])).toMatchObject({ teacherA: "none", parentF: "none", studentS1: "full", owner: "full" });
  });

  it("band account: admins only", () => {
    expect(table(band, [S1])).toEqual({
      owner: "full",
      admin: "full",
      teacherA: "none",
      teacherB: "none",
      teacherUnlinked: "none",
      studentS1: "none",
      studentS3: "none",
      parentF: "none",
      parentF2: "none",
      parentUnlinked: "none",
    });
  });

  it("decides without reading anything whenever the member alone settles it", () => {
    expect(accessWithoutFacts(members.owner!, band)).toBe("full");
    expect(accessWithoutFacts(members.parentF!, family)).toBe("full");
    expect(accessWithoutFacts(members.parentF2!, family)).toBe("none");
    expect(accessWithoutFacts(members.parentF!, s1Account)).toBeUndefined();
    expect(accessWithoutFacts(members.studentS1!, s1Account)).toBe("full");
    expect(accessWithoutFacts(members.studentS1!, family)).toBe("none");
    expect(accessWithoutFacts(members.teacherA!, family)).toBeUndefined();
    expect(accessWithoutFacts(members.teacherA!, band)).toBe("none");
    expect(accessWithoutFacts(members.teacherUnlinked!, family)).toBe("none");
    expect(accessWithoutFacts(members.parentUnlinked!, s1Account)).toBe("none");
  });

  it("gives parents and students their own accounts as the default scope of lists", () => {
    expect(ownAccountIds(members.parentF!)).toEqual([F]);
    expect(ownAccountIds(members.studentS1!)).toEqual(["S1"]);
    expect(ownAccountIds(members.teacherA!)).toEqual([]);
    expect(ownAccountIds(members.parentUnlinked!)).toEqual([]);
  });

  it("answers 404 to no access and 403 to a summary where the full record is needed", () => {
    expect(() => requireAccountAccess("none", "summary")).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => requireAccountAccess("summary", "full")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => requireAccountAccess("summary", "summary")).not.toThrow();
    expect(() => requireAccountAccess("full", "full")).not.toThrow();
    expect(() => requireAccountAccess("none", "full", "Payment")).toThrow("Payment not found");
  });
});
