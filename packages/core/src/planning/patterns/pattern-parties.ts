import { itemOf, readTogether, type ItemRead } from "../../kernel/db/read-together";
import { MAX_LESSON_STUDENTS, type LessonParties } from "../../scheduling";
import { planningDb } from "../planning-db";
import type { PatternRecord } from "./pattern-view";

type Listed = { deletedAt?: string; listing?: string; isActive?: boolean };
const usable = (r: Listed | null | undefined): boolean => Boolean(r && !r.deletedAt && r.listing !== "deleted");

/** Reads items 100 per BatchGet, in parallel. */
async function readAll<T>(reads: ItemRead<T>[]): Promise<(T | null)[]> {
  const chunks: ItemRead<T>[][] = [];
  for (let i = 0; i < reads.length; i += 100) chunks.push(reads.slice(i, i + 100));
  return (await Promise.all(chunks.map((chunk) => readTogether(...chunk)))).flat() as (T | null)[];
}

/**
 * Who each of a studio's patterns books now (for the job, which has no member to check): its
 * teacher (listed and active) and its student, or its band's current members. Teachers, students
 * and bands are read for all the patterns at once, then the bands' members. A pattern whose
 * teacher or students are gone maps to the reason instead.
 */
export async function partiesForPatterns(studioId: string, patterns: PatternRecord[]): Promise<Map<string, LessonParties | string>> {
  const { teacher, student, band } = planningDb().entities;
  const unique = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const teacherIds = unique(patterns.map((p) => p.teacherId));
  const bandIds = unique(patterns.map((p) => p.bandId));
  const [teachers, bands] = await Promise.all([
    readAll(teacherIds.map((teacherId) => itemOf(teacher, { studioId, teacherId }))),
    readAll(bandIds.map((bandId) => itemOf(band, { studioId, bandId }))),
  ]);
  const teacherOf = new Map(teachers.filter((t) => t !== null).map((t) => [t!.teacherId, t!]));
  const bandOf = new Map(bands.filter((b) => b !== null).map((b) => [b!.bandId, b!]));
  const studentIds = unique([...patterns.map((p) => p.studentId), ...[...bandOf.values()].flatMap((b) => (usable(b) ? [...(b.memberStudentIds ?? [])] : []))]);
  const students = await readAll(studentIds.map((studentId) => itemOf(student, { studioId, studentId })));
  const studentOf = new Map(students.filter((s) => s !== null && usable(s)).map((s) => [s!.studentId, s!]));

  const parties = new Map<string, LessonParties | string>();
  for (const pattern of patterns) {
    const t = teacherOf.get(pattern.teacherId);
    if (!usable(t) || t!.isActive === false) {
      parties.set(pattern.patternId, "the teacher is no longer an active teacher of the studio");
      continue;
    }
    let ids: string[];
    if (pattern.studentId) ids = studentOf.has(pattern.studentId) ? [pattern.studentId] : [];
    else {
      const b = bandOf.get(pattern.bandId!);
      ids = usable(b) ? [...(b!.memberStudentIds ?? [])].filter((id) => studentOf.has(id)) : [];
    }
    if (ids.length === 0 || ids.length > MAX_LESSON_STUDENTS) {
      const reason = pattern.studentId
        ? "the student is no longer a student of the studio"
        : ids.length === 0
          ? "the band has no members left"
          : `the band has more than ${MAX_LESSON_STUDENTS} members`;
      parties.set(pattern.patternId, reason);
      continue;
    }
    parties.set(pattern.patternId, {
      teacher: { teacherId: t!.teacherId, bookingBufferMinutes: t!.bookingBufferMinutes ?? 0, firstName: t!.firstName, lastName: t!.lastName },
      studentIds: ids,
      familyOf: (id) => studentOf.get(id)?.familyId,
      known: { teachers: [t!], students: ids.map((id) => studentOf.get(id)!) },
    });
  }
  return parties;
}
