import { itemOf, readTogether } from "../../kernel/db/read-together";
import { guardiansOfFamilies } from "../family-guardians";
import { scheduleDb } from "../schedule-db";

export interface LessonPeople {
  /** Names (and family) of the students, by id. */
  students: Map<string, { name: string; familyId?: string }>;
  /** Teacher names, by id. */
  teachers: Map<string, string>;
  /** Each address once (a student with an email, their family's guardians): whom to greet and whose lessons concern them. */
  recipients: Array<{ email: string; greetingName: string; studentIds: string[] }>;
}

type StudentRecord = {
  studentId: string;
  firstName: string;
  lastName: string;
  email?: string;
  familyId?: string;
  primaryTeacherId?: string;
  deletedAt?: string;
};
type TeacherRecord = { teacherId: string; firstName: string; lastName: string };

/** Student and teacher records the caller has read already (consistently): lessonPeople reads only the others. */
export interface KnownPeople {
  students: StudentRecord[];
  teachers: TeacherRecord[];
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();
const live = <T extends { deletedAt?: string }>(r: T | null): r is T => Boolean(r && !r.deletedAt);

async function readInChunks<T>(reads: ReturnType<typeof itemOf>[]): Promise<(T | null)[]> {
  const out: (T | null)[] = [];
  for (let i = 0; i < reads.length; i += 100) out.push(...((await readTogether(...reads.slice(i, i + 100))) as (T | null)[]));
  return out;
}

/**
 * Who hears about cancelled lessons: each affected student with an email, and the guardians (with
 * an email) of their families; an address that stands for several students is listed once. Students
 * and teachers are read by key (100 per BatchGet) unless `known`, each family's guardians with one query.
 */
export async function lessonPeople(studioId: string, studentIds: string[], teacherIds: string[], known?: KnownPeople): Promise<LessonPeople> {
  const { student, teacher } = scheduleDb().entities;
  const knownStudents = new Map(known?.students.map((s) => [s.studentId, s]));
  const knownTeachers = new Map(known?.teachers.map((t) => [t.teacherId, t]));
  const sIds = [...new Set(studentIds)];
  const tIds = [...new Set(teacherIds)];
  const [readStudents, readTeachers] = await Promise.all([
    readInChunks<StudentRecord>(sIds.filter((id) => !knownStudents.has(id)).map((studentId) => itemOf(student, { studioId, studentId }))),
    readInChunks<TeacherRecord>(tIds.filter((id) => !knownTeachers.has(id)).map((teacherId) => itemOf(teacher, { studioId, teacherId }))),
  ]);
  const studentsRead = new Map(readStudents.filter(live).map((s) => [s.studentId, s]));
  const teachersRead = new Map(readTeachers.filter((t) => t !== null).map((t) => [t.teacherId, t]));
  const studentRecords = sIds.map((id) => knownStudents.get(id) ?? studentsRead.get(id) ?? null);
  const teacherRecords = tIds.map((id) => knownTeachers.get(id) ?? teachersRead.get(id) ?? null);

  const students = new Map<string, { name: string; familyId?: string }>();
  const byAddress = new Map<string, { email: string; greetingName: string; studentIds: Set<string> }>();
  const add = (email: string | undefined, greetingName: string, ids: string[]) => {
    if (!email) return;
    const key = email.trim().toLowerCase();
    const entry = byAddress.get(key) ?? { email: email.trim(), greetingName, studentIds: new Set<string>() };
    ids.forEach((id) => entry.studentIds.add(id));
    byAddress.set(key, entry);
  };

  const families = new Map<string, string[]>();
  for (const s of studentRecords.filter(live)) {
    students.set(s.studentId, { name: fullName(s), ...(s.familyId ? { familyId: s.familyId } : {}) });
    add(s.email, s.firstName, [s.studentId]);
    if (s.familyId) families.set(s.familyId, [...(families.get(s.familyId) ?? []), s.studentId]);
  }
  const guardians = await guardiansOfFamilies(studioId, families.keys());
  for (const g of [...guardians.values()].flat()) add(g.email, g.firstName, families.get(g.familyId) ?? []);

  const teachers = new Map<string, string>();
  for (const t of teacherRecords) if (t) teachers.set(t.teacherId, fullName(t));
  return {
    students,
    teachers,
    recipients: [...byAddress.values()].map((r) => ({ email: r.email, greetingName: r.greetingName, studentIds: [...r.studentIds] })),
  };
}
