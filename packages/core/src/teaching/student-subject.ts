import { itemOf, readTogether } from "../kernel/db/read-together";
import { may, hiddenRecord, loadMemberWith, type Actor, type StudentFacts, type StudioMember } from "../policy";
import type { StudentRecord } from "../people/module";
import { studentFacts } from "../people";
import { teachingDb } from "./teaching-db";

/** The student a goal or practice log belongs to, as the policy sees them. */
export interface StudentSubject {
  record: StudentRecord;
  facts: StudentFacts;
}

const studentRead = (studioId: string, studentId: string) => itemOf(teachingDb().entities.student, { studioId, studentId });

/** A listed student the member may see, or null (missing, deleted and not theirs to see alike). */
export function subjectIfVisible(member: StudioMember, record: StudentRecord | null): StudentSubject | null {
  if (!record || record.deletedAt) return null;
  const facts = studentFacts(record);
  return may(member, "student.view", facts) ? { record, facts } : null;
}

/** The actor as a member, the studio and a student they may see, in one read (404 otherwise). */
export async function loadStudentSubject(actor: Actor, studioId: string, studentId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, studentRead(studioId, studentId));
  const student = subjectIfVisible(member, records[0] as StudentRecord | null);
  if (!student) throw hiddenRecord("Student");
  return { member, studio, student };
}

/** The student a record belongs to, read once the record named them; null unless the member may see them. */
export async function visibleSubjectOf(member: StudioMember, studioId: string, studentId: string): Promise<StudentSubject | null> {
  const [record] = await readTogether(studentRead(studioId, studentId));
  return subjectIfVisible(member, record as StudentRecord | null);
}
