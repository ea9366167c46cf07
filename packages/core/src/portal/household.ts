import { readMany } from "../kernel/db/read-many";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { hiddenRecord, type StudioMember } from "../policy";
import { scheduleDb } from "../scheduling";

/** Whom a portal shows: a parent's family and its live children, or an adult student themself. */
export interface Household {
  kind: "family" | "student";
  /** The family's id, or the student's. */
  id: string | null;
  name: string;
  students: { id: string; firstName: string; lastName: string }[];
}

const personOf = (s: { studentId: string; firstName: string; lastName: string }) => ({ id: s.studentId, firstName: s.firstName, lastName: s.lastName });

/**
 * A parent's family with its live children (the family item, then one BatchGet of its students),
 * or a student's own record. A login not linked to a record has an empty household.
 */
export async function readHousehold(studioId: string, member: StudioMember): Promise<Household> {
  const { family, student } = scheduleDb().entities;
  if (member.role === "student") {
    const [record] = member.studentId ? await readTogether(itemOf(student, { studioId, studentId: member.studentId })) : [null];
    if (!record || record.deletedAt) return { kind: "student", id: null, name: "", students: [] };
    return { kind: "student", id: record.studentId, name: `${record.firstName} ${record.lastName}`.trim(), students: [personOf(record)] };
  }
  const [record] = member.familyId ? await readTogether(itemOf(family, { studioId, familyId: member.familyId })) : [null];
  if (!record || record.deletedAt) return { kind: "family", id: null, name: "", students: [] };
  const ids = [...(record.studentIds ?? [])];
  const children = ids.length ? await readMany(ids.map((studentId) => itemOf(student, { studioId, studentId }))) : [];
  const students = children
    .filter((s): s is NonNullable<typeof s> => Boolean(s) && !s!.deletedAt && s!.familyId === record.familyId)
    .map(personOf)
    .sort((a, b) => a.firstName.localeCompare(b.firstName));
  return { kind: "family", id: record.familyId, name: record.name, students };
}

/** The child a page is about, when one is chosen: one of the household's, or a 404 (never confirming another exists). */
export function chosenStudent(household: Household, studentId: string | undefined) {
  if (!studentId) return null;
  const found = household.students.find((s) => s.id === studentId);
  if (!found) throw hiddenRecord("Student");
  return found;
}
