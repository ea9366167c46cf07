import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import type { GuardianRecord, StudentRecord, TeacherRecord } from "../people/module";
import { may, hiddenRecord, isSelf, isStudioAdmin, loadMemberWith, type Actor, type PersonFacts, type StudioMember } from "../policy";
import type { PrivacySubject } from "./schemas";

/** A privacy subject's record, tagged by its type. */
export type SubjectRecord =
  | { type: "student"; id: string; record: StudentRecord }
  | { type: "teacher"; id: string; record: TeacherRecord }
  | { type: "guardian"; id: string; record: GuardianRecord };

const LABELS = { student: "Student", teacher: "Teacher", guardian: "Guardian" } as const;

function subjectKey(studioId: string, subject: PrivacySubject) {
  const { student, teacher, guardian } = db().entities;
  switch (subject.type) {
    case "student":
      return itemOf(student, { studioId, studentId: subject.id });
    case "teacher":
      return itemOf(teacher, { studioId, teacherId: subject.id });
    case "guardian":
      return itemOf(guardian, { studioId, familyId: subject.familyId, guardianId: subject.id });
  }
}

/**
 * The actor as a member, the studio, the subject's record and the actor's user account, in one
 * BatchGetItem. A missing record → 404; a soft-deleted one is found only for admins (its data is
 * still held, so it can still be exported and erased).
 */
export async function loadSubject(actor: Actor, studioId: string, subject: PrivacySubject) {
  const { member, studio, records } = await loadMemberWith(
    actor,
    studioId,
    subjectKey(studioId, subject),
    itemOf(db().entities.user, { userId: actor.userId }),
  );
  const [record, user] = records as unknown as [SubjectRecord["record"] | null, { email: string; name: string } | null];
  if (!record || (record.deletedAt && !isStudioAdmin(member))) throw hiddenRecord(LABELS[subject.type]);
  return { member, studio, user, subject: { type: subject.type, id: subject.id, record } as SubjectRecord };
}

/** The subject as the catalogue's rules see a person. */
export const personFacts = (subject: SubjectRecord): PersonFacts => ({
  type: subject.type,
  id: subject.id,
  familyId: subject.type === "teacher" ? undefined : subject.record.familyId,
});

/** Whether the member may see the record at all: decides 403 (seen, not theirs) against 404. */
export function maySeeSubject(member: StudioMember, subject: SubjectRecord): boolean {
  switch (subject.type) {
    case "student":
      return may(member, "student.view", {
        studentId: subject.id,
        primaryTeacherId: subject.record.primaryTeacherId === "none" ? undefined : subject.record.primaryTeacherId,
        familyId: subject.record.familyId,
      });
    case "teacher":
      return true;
    case "guardian":
      return may(member, "family.view", { familyId: subject.record.familyId, teachesAStudentOfIt: false });
  }
}

/** The user account linked to the person: the record's link, or the member acting as themself. */
export const linkedUserId = (member: StudioMember, subject: SubjectRecord) =>
  subject.record.userId ?? (isSelf(member, personFacts(subject)) ? member.userId : undefined);

export const subjectName = (subject: SubjectRecord) => `${subject.record.firstName} ${subject.record.lastName}`;
