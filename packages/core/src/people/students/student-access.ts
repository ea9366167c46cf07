import { itemOf, readTogether } from "../../kernel/db/read-together";
import { db } from "../../db";
import { AppError, type FieldError } from "../../kernel/errors";
import { may, type Actor, hiddenRecord, loadMemberWith } from "../../policy";
import { studentFacts, type StudentRecord } from "./student-view";

export const studentKey = (studioId: string, studentId: string) => itemOf(db().entities.student, { studioId, studentId });

/**
 * The actor as a member and the student, in one read. Missing, deleted (unless `includeDeleted`)
 * or not the member's to see (another teacher's student, another family's child) → 404 alike.
 */
export async function loadStudent(actor: Actor, studioId: string, studentId: string, options: { includeDeleted?: boolean } = {}) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, studentKey(studioId, studentId));
  const student = records[0] as StudentRecord | null;
  if (!student || (student.deletedAt && !options.includeDeleted) || !may(member, "student.view", studentFacts(student))) {
    throw hiddenRecord("Student");
  }
  return { member, studio, student };
}

/** The index composites every student write passes, so ElectroDB can rebuild all list keys. */
export const studentIndexKeys = (s: Pick<StudentRecord, "nameKey" | "emailKey" | "listing" | "primaryTeacherId">) => ({
  nameKey: s.nameKey,
  emailKey: s.emailKey,
  listing: s.listing,
  primaryTeacherId: s.primaryTeacherId,
});

/**
 * Checks that a new primary teacher and family are listed records of this studio (422 otherwise),
 * in one read. The write re-checks them in its transaction, so a concurrent delete cannot slip in.
 */
export async function assertReferences(studioId: string, refs: { teacherId?: string; familyId?: string }) {
  const { teacher, family } = db().entities;
  const reads = [
    ...(refs.teacherId ? [itemOf(teacher, { studioId, teacherId: refs.teacherId })] : []),
    ...(refs.familyId ? [itemOf(family, { studioId, familyId: refs.familyId })] : []),
  ];
  if (reads.length === 0) return;
  const found = (await readTogether(...reads)) as ({ listing: string; teacherId?: string; familyId?: string } | null)[];
  const errors: FieldError[] = [];
  if (refs.familyId && !found.some((r) => r !== null && r.familyId === refs.familyId && r.listing === "listed")) {
    errors.push({ path: "familyId", message: "must be a family of this studio" });
  }
  if (refs.teacherId && !found.some((r) => r !== null && r.teacherId === refs.teacherId && r.listing === "listed")) {
    errors.push({ path: "primaryTeacherId", message: "must be a teacher of this studio" });
  }
  if (errors.length > 0) throw new AppError("validation_failed", "The request has invalid fields", { errors });
}
