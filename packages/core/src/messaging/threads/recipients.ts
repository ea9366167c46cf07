import { invalidField } from "../../kernel/errors";
import { readMany } from "../../kernel/db/read-many";
import { itemOf } from "../../kernel/db/read-together";
import { readGuardians } from "../../people";
import type { GuardianRecord, StudentRecord, TeacherRecord } from "../../people/module";
import { isStudioAdmin, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { messagingDb } from "../messaging-db";
import { guardianParty, STUDIO_PARTY, studentParty, teacherParty } from "../parties";
import type { Recipient, StartThreadInput } from "../schemas";
import type { ThreadParticipant } from "../thread.entity";

/** A transaction writes each participant's inbox entry and, at most, its unread summary: 2 × 48 + the message and the thread fit in 100. */
export const MAX_PARTICIPANTS = 48;

const fullName = (p: { firstName: string; lastName?: string }) => `${p.firstName} ${p.lastName ?? ""}`.trim();
const live = <T extends { deletedAt?: string }>(record: T | null | undefined): record is T => Boolean(record) && !record!.deletedAt;

export const studioParticipant = (studio: StudioRecord): ThreadParticipant => ({ party: STUDIO_PARTY, kind: "studio", name: studio.name, unread: 0 });
export const teacherParticipant = (t: TeacherRecord): ThreadParticipant => ({
  party: teacherParty(t.teacherId),
  kind: "teacher",
  name: fullName(t),
  ...(t.email ? { email: t.email.toLowerCase() } : {}),
  unread: 0,
});
const studentParticipant = (s: StudentRecord): ThreadParticipant => ({
  party: studentParty(s.studentId),
  kind: "student",
  name: fullName(s),
  ...(s.email ? { email: s.email.toLowerCase() } : {}),
  unread: 0,
});
/** In a band's or a class's thread a student takes part when they can read it: with a login or an address of their own (most children have neither). */
const readingStudents = (students: StudentRecord[]) => students.filter((s) => s.email || s.userId).map(studentParticipant);
/** A family is its guardians, each reading in the portal (once they sign in) or by email. */
const guardianParticipants = (guardians: GuardianRecord[]): ThreadParticipant[] =>
  guardians.map((g) => ({
    party: guardianParty(g.familyId, g.guardianId),
    kind: "guardian",
    name: fullName(g),
    ...(g.email ? { email: g.email.toLowerCase() } : {}),
    unread: 0,
  }));

const refused = (index: number) => invalidField(`to.${index}`, "is no one you can write to here");

/** What the writer is to the people they may write to (a non-admin's circle). */
interface Circle {
  /** Students the writer teaches, or a family's children, or the student themself. */
  studentIds: Set<string>;
  familyIds: Set<string>;
  teacherIds: Set<string>;
  /** Teachers write to any colleague. */
  anyTeacher: boolean;
}

/** Whom a non-admin may write to: a teacher their students and those students' families; a family its children's teachers; a student their own. */
async function circleOf(studioId: string, member: StudioMember, students: StudentRecord[]): Promise<Circle> {
  const circle: Circle = { studentIds: new Set(), familyIds: new Set(), teacherIds: new Set(), anyTeacher: member.role === "teacher" };
  if (member.role === "teacher") {
    for (const s of students) if (s.primaryTeacherId && s.primaryTeacherId === member.teacherId) circle.studentIds.add(s.studentId);
    for (const s of students) if (circle.studentIds.has(s.studentId) && s.familyId) circle.familyIds.add(s.familyId);
    return circle;
  }
  const familyId = member.role === "parent" ? member.familyId : undefined;
  const own = member.role === "student" && member.studentId ? member.studentId : undefined;
  let children: StudentRecord[] = [];
  if (familyId) {
    const { data } = await messagingDb().entities.family.get({ studioId, familyId }).go();
    const ids = live(data) ? [...(data.studentIds ?? [])] : [];
    children = (await readMany(ids.map((studentId) => itemOf(messagingDb().entities.student, { studioId, studentId })))).filter(live);
    circle.familyIds.add(familyId);
  } else if (own) {
    const { data } = await messagingDb().entities.student.get({ studioId, studentId: own }).go();
    children = live(data) ? [data] : [];
    if (live(data) && data.familyId) circle.familyIds.add(data.familyId);
  }
  for (const child of children) {
    circle.studentIds.add(child.studentId);
    if (child.primaryTeacherId && child.primaryTeacherId !== "none") circle.teacherIds.add(child.primaryTeacherId);
  }
  return circle;
}

/**
 * The participants a new thread is started with (the writer aside) and the students it is about.
 * Each recipient must exist in the studio and be someone the writer may write to: owners and admins
 * anyone; teachers the studio, colleagues, their students and those students' families; parents
 * and students the studio, their family, and their children's (their own) teachers. Anyone else is
 * refused as if they did not exist (422 naming `to.<i>`).
 */
export async function resolveRecipients(
  studio: StudioRecord,
  member: StudioMember,
  to: readonly Recipient[],
): Promise<{ participants: ThreadParticipant[]; studentIds: string[] }> {
  const { studioId } = studio;
  const { teacher, student, family } = messagingDb().entities;
  const ids = (kind: Recipient["kind"]) => to.flatMap((r) => (r.kind === kind && r.kind !== "studio" ? [r.id] : []));
  const [teachers, students, families] = await Promise.all([
    readMany(
      ids("teacher").map((teacherId) => itemOf(teacher, { studioId, teacherId })),
      { consistent: true },
    ),
    readMany(
      ids("student").map((studentId) => itemOf(student, { studioId, studentId })),
      { consistent: true },
    ),
    readMany(
      ids("family").map((familyId) => itemOf(family, { studioId, familyId })),
      { consistent: true },
    ),
  ]);
  const familyStudents = isStudioAdmin(member)
    ? []
    : (await readMany(families.filter(live).flatMap((f) => [...(f.studentIds ?? [])].map((studentId) => itemOf(student, { studioId, studentId }))))).filter(
        live,
      );
  const circle = isStudioAdmin(member) ? null : await circleOf(studioId, member, [...students.filter(live), ...familyStudents]);
  const participants: ThreadParticipant[] = [];
  const studentIds: string[] = [];
  const counters = { teacher: 0, student: 0, family: 0 };
  for (const [index, recipient] of to.entries()) {
    if (recipient.kind === "studio") {
      participants.push(studioParticipant(studio));
      continue;
    }
    const at = counters[recipient.kind]++;
    if (recipient.kind === "teacher") {
      const record = teachers[at];
      if (!live(record) || (circle && !circle.anyTeacher && !circle.teacherIds.has(record.teacherId))) throw refused(index);
      participants.push(teacherParticipant(record));
    } else if (recipient.kind === "student") {
      const record = students[at];
      if (!live(record) || (circle && !circle.studentIds.has(record.studentId))) throw refused(index);
      participants.push(studentParticipant(record));
      studentIds.push(record.studentId);
    } else {
      const record = families[at];
      if (!live(record) || (circle && !circle.familyIds.has(record.familyId))) throw refused(index);
      participants.push(...guardianParticipants(await readGuardians(studioId, record.familyId)));
    }
  }
  return { participants, studentIds };
}

/**
 * A band's or a class's members as participants: each member student who can read it and every
 * guardian of their families, and a class's teacher. Owners and admins open them; a teacher only
 * for a class they teach or a band one of whose members they teach (else 422 `group`).
 */
export async function groupParticipants(studio: StudioRecord, member: StudioMember, group: NonNullable<StartThreadInput["group"]>) {
  const { studioId } = studio;
  const { band, classSlot, classEnrolment, student, teacher } = messagingDb().entities;
  const notYours = () => invalidField("group.id", `is no ${group.kind} you can write to here`);
  let studentIdList: string[];
  let teacherId: string | undefined;
  let name: string;
  if (group.kind === "band") {
    const { data } = await band.get({ studioId, bandId: group.id }).go();
    if (!live(data)) throw notYours();
    studentIdList = [...(data.memberStudentIds ?? [])];
    name = data.name;
  } else {
    const { data } = await classSlot.get({ studioId, slotId: group.id }).go();
    if (!data) throw notYours();
    const seats = await classEnrolment.query.classEnrolment({ studioId, slotId: group.id }).go({ pages: "all" });
    studentIdList = seats.data.map((seat) => seat.studentId);
    teacherId = data.teacherId;
    name = data.courseName;
  }
  const students = (
    await readMany(
      studentIdList.map((studentId) => itemOf(student, { studioId, studentId })),
      { consistent: true },
    )
  ).filter(live);
  if (!isStudioAdmin(member)) {
    const teaches = member.role === "teacher" && (teacherId ? teacherId === member.teacherId : students.some((s) => s.primaryTeacherId === member.teacherId));
    if (!teaches) throw notYours();
  }
  const familyIds = [...new Set(students.flatMap((s) => (s.familyId ? [s.familyId] : [])))];
  const guardians = (await Promise.all(familyIds.map((familyId) => readGuardians(studioId, familyId)))).flat();
  const [classTeacher] = teacherId ? await readMany([itemOf(teacher, { studioId, teacherId })], { consistent: true }) : [null];
  return {
    name,
    studentIds: students.map((s) => s.studentId),
    participants: [...(live(classTeacher) ? [teacherParticipant(classTeacher)] : []), ...readingStudents(students), ...guardianParticipants(guardians)],
  };
}
