import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { db } from "../db";

export interface RecordNames {
  students: Record<string, string>;
  teachers: Record<string, string>;
  bands: Record<string, string>;
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

/**
 * The names of the students, teachers and bands a page mentions, read by key in one BatchGetItem
 * per 100 records (none for empty lists), so a list of lessons or requests needs no read per row.
 */
export async function readNames(studioId: string, ids: { students?: string[]; teachers?: string[]; bands?: string[] }): Promise<RecordNames> {
  const { student, teacher, band } = db().entities;
  const unique = (list: string[] | undefined) => [...new Set(list ?? [])];
  const [students, teachers, bands] = await Promise.all([
    readSome(unique(ids.students).map((studentId) => itemOf(student, { studioId, studentId }))),
    readSome(unique(ids.teachers).map((teacherId) => itemOf(teacher, { studioId, teacherId }))),
    readSome(unique(ids.bands).map((bandId) => itemOf(band, { studioId, bandId }))),
  ]);
  return {
    students: Object.fromEntries(students.map((s) => [s.studentId, fullName(s)])),
    teachers: Object.fromEntries(teachers.map((t) => [t.teacherId, fullName(t)])),
    bands: Object.fromEntries(bands.map((b) => [b.bandId, b.name])),
  };
}

async function readSome<T>(reads: Parameters<typeof readMany<T>>[0]): Promise<T[]> {
  if (reads.length === 0) return [];
  return (await readMany(reads)).filter((r): r is NonNullable<typeof r> => r !== null) as T[];
}

/** No names: what a list with nothing in it mentions. */
export const noNames = (): RecordNames => ({ students: {}, teachers: {}, bands: {} });
