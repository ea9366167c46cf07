import { itemOf, readTogether } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { hiddenRecord, isStudioAdmin, type StudioMember } from "../policy";
import type { StudentRecord } from "../people/module";
import { resourcesDb } from "./resources-db";
import type { Audience } from "./schemas";

/** `student#<id>`, `family#<id>`, `band#<id>`, `lesson#<id>`, `note#<lessonId>#<noteId>`, `all_students`, `public`. */
export function audienceKeyOf(audience: Audience): string {
  switch (audience.kind) {
    case "note":
      return `note#${audience.lessonId}#${audience.noteId}`;
    case "all_students":
    case "public":
      return audience.kind;
    default:
      return `${audience.kind}#${audience.id}`;
  }
}

export function audienceOfKey(key: string): Audience | null {
  const [kind, a, b] = key.split("#");
  if (kind === "all_students" || kind === "public") return { kind };
  if (kind === "note" && a && b) return { kind, lessonId: a, noteId: b };
  if ((kind === "student" || kind === "family" || kind === "band" || kind === "lesson") && a) return { kind, id: a };
  return null;
}

/** Whom an audience reaches: its students, and whether each reaches the student's own and their family's materials. */
export interface Reach {
  studentIds: string[];
  toStudent: boolean;
  toFamily: boolean;
  /** The audience's name as a page shows it. */
  label: string;
  /** The member teaches someone of it (a teacher may share only with those). */
  keptByMember: boolean;
}

const live = <T extends { deletedAt?: string }>(record: T | null): record is T => Boolean(record) && !record!.deletedAt;
const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`.trim();

/** The studio's live students, for "all students" (paged queries of the student list). */
async function allStudentIds(studioId: string): Promise<string[]> {
  const { data } = await resourcesDb()
    .entities.student.query.studentsByName({ studioId, listing: "listed" })
    .go({ pages: "all", attributes: ["studentId"] });
  return data.map((s) => s.studentId);
}

/**
 * Who an audience is, read from the studio (404 when it is not there): its students and label, and
 * whether the member keeps one of them (a teacher's own students, lessons and notes).
 */
export async function reachOf(member: StudioMember, studioId: string, audience: Audience): Promise<Reach> {
  const { student, family, band, lesson, lessonNote } = resourcesDb().entities;
  const mine = (students: (StudentRecord | null)[]) =>
    isStudioAdmin(member) || students.some((s) => s && member.teacherId && s.primaryTeacherId === member.teacherId);
  switch (audience.kind) {
    case "student": {
      const [record] = await readTogether(itemOf(student, { studioId, studentId: audience.id }));
      if (!live(record)) throw hiddenRecord("Student");
      return { studentIds: [record.studentId], toStudent: true, toFamily: true, label: fullName(record), keptByMember: mine([record]) };
    }
    case "family": {
      const [record] = await readTogether(itemOf(family, { studioId, familyId: audience.id }));
      if (!live(record)) throw hiddenRecord("Family");
      const ids = [...(record.studentIds ?? [])];
      const students = ids.length ? await readMany(ids.map((studentId) => itemOf(student, { studioId, studentId }))) : [];
      return { studentIds: students.filter(live).map((s) => s.studentId), toStudent: true, toFamily: true, label: record.name, keptByMember: mine(students) };
    }
    case "band": {
      const [record] = await readTogether(itemOf(band, { studioId, bandId: audience.id }));
      if (!live(record)) throw hiddenRecord("Band");
      const ids = [...(record.memberStudentIds ?? [])];
      const students = ids.length ? await readMany(ids.map((studentId) => itemOf(student, { studioId, studentId }))) : [];
      return { studentIds: students.filter(live).map((s) => s.studentId), toStudent: true, toFamily: true, label: record.name, keptByMember: mine(students) };
    }
    case "lesson":
    case "note": {
      const lessonId = audience.kind === "lesson" ? audience.id : audience.lessonId;
      const reads = await readTogether(
        itemOf(lesson, { studioId, lessonId }),
        ...(audience.kind === "note" ? [itemOf(lessonNote, { studioId, lessonId, noteId: audience.noteId })] : []),
      );
      const [lessonRecord, note] = reads as [
        (typeof reads)[0],
        { visibleToStudent?: boolean; visibleToParent?: boolean; deletedAt?: string } | null | undefined,
      ];
      if (!lessonRecord) throw hiddenRecord("Lesson");
      if (audience.kind === "note" && !live(note ?? null)) throw hiddenRecord("Lesson note");
      const keptByMember = isStudioAdmin(member) || (member.role === "teacher" && lessonRecord.teacherId === member.teacherId);
      const label = `${lessonRecord.title?.trim() || "Lesson"} on ${lessonRecord.scheduledStart.slice(0, 10)}`;
      if (audience.kind === "lesson") return { studentIds: [...new Set(lessonRecord.studentIds)], toStudent: true, toFamily: true, label, keptByMember };
      return {
        studentIds: [...new Set(lessonRecord.studentIds)],
        toStudent: Boolean(note?.visibleToStudent),
        toFamily: Boolean(note?.visibleToParent),
        label: `Note on ${label}`,
        keptByMember,
      };
    }
    case "all_students":
      return { studentIds: await allStudentIds(studioId), toStudent: true, toFamily: true, label: "All students", keptByMember: isStudioAdmin(member) };
    case "public":
      return { studentIds: [], toStudent: false, toFamily: false, label: "Public page", keptByMember: isStudioAdmin(member) };
  }
}

/** Each audience's label, for a resource page (an audience that is gone keeps its kind as its name). */
export async function audienceLabels(member: StudioMember, studioId: string, keys: readonly string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  await Promise.all(
    keys.map(async (key) => {
      const audience = audienceOfKey(key);
      if (!audience || audience.kind === "all_students") return;
      const reach = await reachOf(member, studioId, audience).catch(() => null);
      if (reach) labels.set(key, reach.label);
    }),
  );
  return labels;
}
