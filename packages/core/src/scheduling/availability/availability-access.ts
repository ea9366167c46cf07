import { itemOf } from "../../kernel/db/read-together";
import type { TeacherRecord } from "../../people/module";
import { hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { scheduleDb } from "../schedule-db";
import type { AvailabilityRecord } from "./availability-view";

/** The teacher's record and their hours item, for loadMemberWith / readTogether. */
export function teacherAndHoursKeys(studioId: string, teacherId: string) {
  const { teacher, availability } = scheduleDb().entities;
  return [itemOf(teacher, { studioId, teacherId }), itemOf(availability, { studioId, teacherId })] as const;
}

/** A listed (not deleted) teacher of the studio. */
export const isListedTeacher = (teacher: TeacherRecord | null | undefined): teacher is TeacherRecord =>
  Boolean(teacher) && teacher!.listing === "listed" && !teacher!.deletedAt;

/**
 * The actor as a member, the studio, a listed teacher and their hours, in one read. Every member
 * sees the directory, so only a missing or deleted teacher is a 404.
 */
export async function loadTeacherHours(actor: Actor, studioId: string, teacherId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, ...teacherAndHoursKeys(studioId, teacherId));
  const [teacher, hours] = records as unknown as [TeacherRecord | null, AvailabilityRecord | null];
  if (!isListedTeacher(teacher)) throw hiddenRecord("Teacher");
  return { member, studio, teacher, hours };
}
