import { itemOf, readTogether, type ReadResults } from "../../kernel/db/read-together";
import { AppError, invalidField, notFound } from "../../kernel/errors";
import type { StudioMember } from "../../policy";
import type { KnownPeople } from "../cancellations/lesson-recipients";
import { scheduleDb } from "../schedule-db";

/** The most students one lesson may hold (a band's members). */
export const MAX_LESSON_STUDENTS = 30;

export interface LessonParties {
  teacher: { teacherId: string; bookingBufferMinutes: number; firstName: string; lastName: string };
  studentIds: string[];
  /** Each student's family (for their family's calendar and reminders). */
  familyOf: (studentId: string) => string | undefined;
  /** The teacher and student records read, so the lesson's notices need not read them again. */
  known: KnownPeople;
}

type PartyInput = { teacherId: string; studentId?: string; bandId?: string };

/** The teacher, student and band items resolveParties checks, to read together with the request's other items. */
export function partyReads(studioId: string, input: PartyInput) {
  const { teacher: teachers, student: students, band: bands } = scheduleDb().entities;
  return [
    itemOf(teachers, { studioId, teacherId: input.teacherId }),
    itemOf(students, { studioId, studentId: input.studentId ?? "-" }),
    itemOf(bands, { studioId, bandId: input.bandId ?? "-" }),
  ] as const;
}

type Listed = { deletedAt?: string; listing?: string; isActive?: boolean };
const usable = (r: Listed | null) => Boolean(r && !r.deletedAt && r.listing !== "deleted");

/**
 * Reads and checks who a lesson is for: a listed, active teacher of the studio and a listed
 * student, or a listed band with members (their student records read in one more BatchGet).
 * Teachers may book only lessons they teach, with their own students (a band: any). `read`: the
 * items of `partyReads`, when the caller read them with its own.
 */
export async function resolveParties(
  studioId: string,
  member: StudioMember,
  input: PartyInput,
  read?: ReadResults<ReturnType<typeof partyReads>>,
): Promise<LessonParties> {
  const { student: students } = scheduleDb().entities;
  const [teacher, student, band] = read ?? (await readTogether(...partyReads(studioId, input)));
  if (!teacher || !usable(teacher)) throw invalidField("teacherId", "is not a teacher of this studio");
  if (teacher.isActive === false) throw invalidField("teacherId", "is an inactive teacher");
  if (member.role === "teacher" && member.teacherId !== teacher.teacherId) {
    throw new AppError("lesson.not_your_teaching", "Teachers schedule only lessons they teach themselves");
  }
  let records: KnownPeople["students"];
  if (input.studentId) {
    if (!student || !usable(student)) throw invalidField("studentId", "is not a student of this studio");
    records = [student];
    if (member.role === "teacher" && student.primaryTeacherId !== member.teacherId) {
      throw new AppError("lesson.not_your_student", "Teachers schedule lessons only with their own students");
    }
  } else {
    if (!band || !usable(band)) throw invalidField("bandId", "is not a band of this studio");
    const ids = [...(band.memberStudentIds ?? [])];
    if (ids.length === 0) throw invalidField("bandId", "has no members to teach");
    if (ids.length > MAX_LESSON_STUDENTS) throw invalidField("bandId", `has more than ${MAX_LESSON_STUDENTS} members`);
    records = (await readTogether(...ids.map((studentId) => itemOf(students, { studioId, studentId })))).filter(usable) as typeof records;
    if (records.length === 0) throw notFound("Band members");
  }
  const families = new Map(records.map((r) => [r.studentId, r.familyId]));
  return {
    teacher: {
      teacherId: teacher.teacherId,
      bookingBufferMinutes: teacher.bookingBufferMinutes ?? 0,
      firstName: teacher.firstName,
      lastName: teacher.lastName,
    },
    studentIds: records.map((r) => r.studentId),
    familyOf: (id) => families.get(id),
    known: { teachers: [teacher], students: records },
  };
}
