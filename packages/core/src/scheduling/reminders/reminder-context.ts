import { itemOf, readTogether, type ItemRead } from "../../kernel/db/read-together";
import type { GuardianRecord, StudentRecord } from "../../people/module";
import type { StudioRecord } from "../../studios/module";
import type { LessonRecord } from "../lessons/lesson-view";
import { guardiansOfFamilies } from "../family-guardians";
import { scheduleDb } from "../schedule-db";
import type { SchedulingSettings } from "../settings/defaults";
import { schedulingSettingsRead, withDefaults } from "../settings/read-settings";

/** Everything a lesson's reminder says and who it goes to. */
export interface ReminderContext {
  lesson: LessonRecord;
  studio: StudioRecord;
  settings: SchedulingSettings;
  teacherName: string;
  bandName?: string;
  students: StudentRecord[];
  guardiansOf: (familyId: string) => GuardianRecord[];
}

/** The lesson, its studio and settings, in one BatchGet (null when the lesson or studio is gone). */
export async function readReminderLesson(studioId: string, lessonId: string) {
  const { lesson, studio } = scheduleDb().entities;
  const [lessonRecord, studioRecord, settings] = await readTogether(
    itemOf(lesson, { studioId, lessonId }),
    itemOf(studio, { studioId }),
    schedulingSettingsRead(studioId),
  );
  if (!lessonRecord || !studioRecord || studioRecord.deletedAt) return null;
  return { lesson: lessonRecord, studio: studioRecord, settings: withDefaults(settings) };
}

/**
 * The people of a lesson: its teacher, band and students in one BatchGet (a lesson holds at
 * most 30 students), then each student family's guardians (one query per family).
 */
export async function readReminderPeople(found: NonNullable<Awaited<ReturnType<typeof readReminderLesson>>>): Promise<ReminderContext> {
  const { lesson } = found;
  const { studioId } = lesson;
  const { teacher, student, band } = scheduleDb().entities;
  const reads: ItemRead<unknown>[] = [
    itemOf(teacher, { studioId, teacherId: lesson.teacherId }),
    itemOf(band, { studioId, bandId: lesson.bandId ?? "-" }),
    ...lesson.studentIds.map((studentId) => itemOf(student, { studioId, studentId })),
  ];
  const [teacherRecord, bandRecord, ...studentRecords] = (await readTogether(...reads)) as [
    { firstName: string; lastName: string } | null,
    { name: string; deletedAt?: string } | null,
    ...(StudentRecord | null)[],
  ];
  const students = studentRecords.filter((s): s is StudentRecord => Boolean(s && !s.deletedAt));
  const guardians = await guardiansOfFamilies(
    studioId,
    students.map((s) => s.familyId),
  );
  return {
    ...found,
    teacherName: teacherRecord ? `${teacherRecord.firstName} ${teacherRecord.lastName}` : "your teacher",
    ...(bandRecord && !bandRecord.deletedAt ? { bandName: bandRecord.name } : {}),
    students,
    guardiansOf: (familyId) => guardians.get(familyId) ?? [],
  };
}
