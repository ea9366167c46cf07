import { invalidField } from "../../kernel/errors";
import type { GuardianRecord, StudentRecord, TeacherRecord } from "../../people/module";
import { audienceDb } from "./audience-db";
import { guardianParty, studentParty, teacherParty } from "../parties";
import type { AudienceKind } from "../announcement.entity";
import type { Audience } from "./schemas";

/** One person an announcement reaches: their party key (the receipt's recipient), name and address. */
export interface AnnouncementRecipient {
  party: string;
  name: string;
  firstName: string;
  email?: string;
}

const fullName = (p: { firstName: string; lastName?: string }) => `${p.firstName} ${p.lastName ?? ""}`.trim();
const live = <T extends { deletedAt?: string }>(record: T | null | undefined): record is T => Boolean(record) && !record!.deletedAt;
/**
 * A student an announcement can reach themself: by email or by signing in (most children have
 * neither and are reached through their guardians). Guardians and teachers are always reached: by
 * email, or in the app once they sign in (a login is linked through its membership, not always
 * on the record).
 */
const reachable = (p: { email?: string; userId?: string }) => Boolean(p.email || p.userId);

const person = (party: string, p: { firstName: string; lastName?: string; email?: string; userId?: string }): AnnouncementRecipient => ({
  party,
  name: fullName(p),
  firstName: p.firstName,
  ...(p.email ? { email: p.email.trim().toLowerCase() } : {}),
});
const ofTeacher = (t: TeacherRecord) => person(teacherParty(t.teacherId), t);
const ofStudent = (s: StudentRecord) => person(studentParty(s.studentId), s);
const ofGuardian = (g: GuardianRecord) => person(guardianParty(g.familyId, g.guardianId), g);

/** The studio's people, each read with one paged Query of its partition. */
async function everyone(studioId: string) {
  const { teacher, student, guardian } = audienceDb().entities;
  const [teachers, students, guardians] = await Promise.all([
    teacher.query.teacher({ studioId }).go({ pages: "all" }),
    student.query.student({ studioId }).go({ pages: "all" }),
    guardian.query.guardian({ studioId }).go({ pages: "all" }),
  ]);
  return {
    teachers: teachers.data.filter((t) => live(t) && t.isActive),
    students: students.data.filter((s) => live(s) && s.isActive),
    guardians: guardians.data.filter(live),
  };
}

/** Students reach as themselves when they have an address or a login, and always through their family's guardians. */
function households(students: StudentRecord[], guardians: GuardianRecord[]) {
  const familyIds = new Set(students.flatMap((s) => (s.familyId ? [s.familyId] : [])));
  return [...students.filter(reachable).map(ofStudent), ...guardians.filter((g) => familyIds.has(g.familyId)).map(ofGuardian)];
}

const notFound = (field: string, what: string) => invalidField(field, `is no ${what} of this studio`);

/**
 * The people an audience means now, each once (by party), and its name in words. A teacher's
 * students, an instrument's, a class's or a band's reach their families too; a family means its
 * guardians; students without an address or a login only through them. Unknown ids are 422 naming the field.
 */
export async function resolveAudience(studioId: string, audience: Audience): Promise<{ label: string; recipients: AnnouncementRecipient[] }> {
  const { teacher, band, classSlot, classEnrolment } = audienceDb().entities;
  const people = await everyone(studioId);
  const unique = (list: AnnouncementRecipient[]) => [...new Map(list.map((r) => [r.party, r])).values()];
  const studentsIn = (ids: Iterable<string>) => {
    const wanted = new Set(ids);
    return people.students.filter((s) => wanted.has(s.studentId));
  };
  switch (audience.kind) {
    case "everyone":
      return {
        label: "Everyone",
        recipients: unique([...people.teachers.map(ofTeacher), ...households(people.students, people.guardians)]),
      };
    case "families": {
      const withStudents = new Set(people.students.flatMap((s) => (s.familyId ? [s.familyId] : [])));
      return {
        label: "All families",
        recipients: unique([
          ...people.students.filter(reachable).map(ofStudent),
          ...people.guardians.filter((g) => withStudents.has(g.familyId)).map(ofGuardian),
        ]),
      };
    }
    case "teachers":
      return { label: "All teachers", recipients: people.teachers.map(ofTeacher) };
    case "teacher": {
      const { data } = await teacher.get({ studioId, teacherId: audience.id }).go();
      if (!live(data)) throw notFound("audience.id", "teacher");
      const students = people.students.filter((s) => s.primaryTeacherId === audience.id);
      return { label: `${fullName(data)}'s students`, recipients: unique(households(students, people.guardians)) };
    }
    case "instrument": {
      const name = audience.name.trim().toLowerCase();
      const students = people.students.filter((s) => s.instrument?.trim().toLowerCase() === name);
      return { label: `${audience.name.trim()} students`, recipients: unique(households(students, people.guardians)) };
    }
    case "class": {
      const { data } = await classSlot.get({ studioId, slotId: audience.id }).go();
      if (!data) throw notFound("audience.id", "class");
      const seats = await classEnrolment.query.classEnrolment({ studioId, slotId: audience.id }).go({ pages: "all" });
      const students = studentsIn(seats.data.map((seat) => seat.studentId));
      return { label: `${data.courseName} class`, recipients: unique(households(students, people.guardians)) };
    }
    case "band": {
      const { data } = await band.get({ studioId, bandId: audience.id }).go();
      if (!live(data)) throw notFound("audience.id", "band");
      return { label: `${data.name} band`, recipients: unique(households(studentsIn(data.memberStudentIds ?? []), people.guardians)) };
    }
    case "list":
      return { label: pickedLabel(audience.people.length), recipients: unique(picked(audience.people, people)) };
  }
}

const pickedLabel = (n: number) => `${n} hand-picked ${n === 1 ? "person" : "people"}`;

function picked(list: Extract<Audience, { kind: "list" }>["people"], people: Awaited<ReturnType<typeof everyone>>) {
  const teachers = new Map(people.teachers.map((t) => [t.teacherId, t]));
  const students = new Map(people.students.map((s) => [s.studentId, s]));
  const familyIds = new Set(people.guardians.map((g) => g.familyId));
  return list.flatMap((entry, index) => {
    if (entry.kind === "teacher") {
      const t = teachers.get(entry.id);
      if (!t) throw notFound(`audience.people.${index}.id`, "teacher");
      return [ofTeacher(t)];
    }
    if (entry.kind === "student") {
      const s = students.get(entry.id);
      if (!s) throw notFound(`audience.people.${index}.id`, "student");
      return households([s], people.guardians);
    }
    if (!familyIds.has(entry.id)) throw notFound(`audience.people.${index}.id`, "family with guardians");
    return people.guardians.filter((g) => g.familyId === entry.id).map(ofGuardian);
  });
}

/** The audience's key attributes as stored on the announcement. */
export function audienceAttributes(audience: Audience): { audienceKind: AudienceKind; audienceId?: string; picked?: string[] } {
  if (audience.kind === "list") return { audienceKind: "list", picked: audience.people.map((p) => `${p.kind}:${p.id}`) };
  if (audience.kind === "instrument") return { audienceKind: "instrument", audienceId: audience.name.trim() };
  if ("id" in audience) return { audienceKind: audience.kind, audienceId: audience.id };
  return { audienceKind: audience.kind };
}

/** The audience an announcement stored. */
export function storedAudience(a: { audienceKind: AudienceKind; audienceId?: string; picked?: string[] }): Audience {
  switch (a.audienceKind) {
    case "list":
      return {
        kind: "list",
        people: (a.picked ?? []).map((key) => {
          const [kind, id] = key.split(":") as ["family" | "student" | "teacher", string];
          return { kind, id };
        }),
      };
    case "instrument":
      return { kind: "instrument", name: a.audienceId ?? "" };
    case "teacher":
    case "class":
    case "band":
      return { kind: a.audienceKind, id: a.audienceId ?? "" };
    default:
      return { kind: a.audienceKind };
  }
}
