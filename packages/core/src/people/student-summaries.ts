import { itemOf, readTogether } from "../kernel/db/read-together";
import { db } from "../db";
import type { StudentSummary } from "./student-summary-schema";

export type { StudentSummary };

import type { StudentRecord } from "./student.entity";
export type { StudentRecord } from "./student.entity";

/** BatchGetItem takes at most 100 keys: one call per 100 students. */
const BATCH = 100;

/**
 * The live (not deleted) students among `studentIds`, in one BatchGetItem for up to 100 of them
 * and none for an empty list.
 */
export async function readStudents(studioId: string, studentIds: readonly string[] | undefined): Promise<StudentRecord[]> {
  const ids = [...new Set(studentIds ?? [])];
  const found: StudentRecord[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    const reads = ids.slice(start, start + BATCH).map((studentId) => itemOf(db().entities.student, { studioId, studentId }));
    const records = await readTogether(...reads);
    for (const record of records) if (record && !record.deletedAt) found.push(record);
  }
  return found.sort((a, b) => a.nameKey.localeCompare(b.nameKey));
}

export const toStudentSummary = (r: StudentRecord): StudentSummary => ({
  id: r.studentId,
  firstName: r.firstName,
  lastName: r.lastName,
  instrument: r.instrument ?? null,
  isActive: r.isActive !== false,
});
