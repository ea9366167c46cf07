import { itemOf, type ItemRead } from "../../kernel/db/read-together";
import { db } from "../../db";
import { AppError } from "../../kernel/errors";
import { may, assertMay, type Actor, hiddenRecord, isStudioAdmin, loadMemberWith, type StudioMember } from "../../policy";
import { readStudents, type StudentRecord } from "../student-summaries";
import type { FamilyRecord, GuardianRecord } from "./family-view";

export const familyKey = (studioId: string, familyId: string) => itemOf(db().entities.family, { studioId, familyId });
export const guardianKey = (studioId: string, familyId: string, guardianId: string) => itemOf(db().entities.guardian, { studioId, familyId, guardianId });

/**
 * The actor as a member, and the (live) family, in one read; a deleted or missing family → 404.
 * `extra` reads ride along in the same call (e.g. the guardian a route acts on).
 */
export async function loadFamily<const T extends readonly ItemRead<unknown>[]>(actor: Actor, studioId: string, familyId: string, ...extra: T) {
  const { member, records } = await loadMemberWith(actor, studioId, familyKey(studioId, familyId), ...extra);
  const [family, ...rest] = records as unknown as [FamilyRecord | null, ...unknown[]];
  if (!family || family.deletedAt) throw hiddenRecord("Family");
  return { member, family, extra: rest as unknown as { [K in keyof T]: T[K] extends ItemRead<infer V> ? V | null : never } };
}

/** Whether a teacher teaches one of these students. */
const teachesOneOf = (member: StudioMember, students: StudentRecord[]) =>
  Boolean(member.teacherId) && students.some((s) => s.primaryTeacherId === member.teacherId);

/** Reads the family's students and decides whether the member may see the family (else 404). */
export async function readableFamilyStudents(member: StudioMember, family: FamilyRecord): Promise<StudentRecord[]> {
  const students = await readStudents(family.studioId, family.studentIds);
  assertMay(member, "family.view", { familyId: family.familyId, teachesAStudentOfIt: teachesOneOf(member, students) });
  return students;
}

/** Decides from the member alone when it can, and reads the students only for a teacher. */
export async function assertMayReadFamily(member: StudioMember, family: FamilyRecord): Promise<void> {
  if (member.role === "teacher") await readableFamilyStudents(member, family);
  else assertMay(member, "family.view", { familyId: family.familyId, teachesAStudentOfIt: false });
}

/**
 * Admins change everything; a parent their own family's phone, address and billing email; anyone
 * else who may see the family gets 403, the rest 404.
 */
export async function assertMayEditFamily(member: StudioMember, family: FamilyRecord, fields: string[], parentFields: ReadonlySet<string>) {
  if (isStudioAdmin(member)) return;
  if (may(member, "family.edit", family)) {
    const refused = fields.filter((field) => !parentFields.has(field));
    if (refused.length === 0) return;
    throw new AppError("family.fields_not_allowed", "Parents may change only their family's phone, address and billing email", {
      errors: refused.map((path) => ({ path, message: "only an admin may change this" })),
    });
  }
  await assertMayReadFamily(member, family);
  assertMay(member, "family.edit", family);
}

/** Admins change every guardian; a parent their own guardian record. */
export async function assertMayEditGuardian(member: StudioMember, family: FamilyRecord, guardian: GuardianRecord) {
  const facts = { familyId: family.familyId, guardianId: guardian.guardianId };
  if (may(member, "guardian.edit", facts)) return;
  await assertMayReadFamily(member, family);
  assertMay(member, "guardian.edit", facts);
}

/** Admin-only family changes: 403 to those who may see the family, 404 to the rest. */
export async function assertFamilyAdmin(member: StudioMember, family: FamilyRecord, action: "family.delete" | "guardian.add" | "guardian.remove") {
  if (may(member, action)) return;
  await assertMayReadFamily(member, family);
  assertMay(member, action);
}

/** The family's live guardians (one Query on the studio partition: sk starts with the family). */
export async function readGuardians(studioId: string, familyId: string): Promise<GuardianRecord[]> {
  const { data } = await db().entities.guardian.query.guardian({ studioId, familyId }).go({ limit: 100 });
  return data.filter((g) => !g.deletedAt).sort((a, b) => a.nameKey.localeCompare(b.nameKey));
}
