import { itemOf, readTogether } from "../../kernel/db/read-together";
import { page, type Page } from "../../kernel/pagination/pagination";
import type { TeacherRecord } from "../../people/module";
import { loadMemberWith, loadStudioMember, type Actor } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { scheduleDb } from "../schedule-db";
import { isListedTeacher, teacherAndHoursKeys } from "./availability-access";
import { toAvailability, type Availability, type AvailabilityRecord } from "./availability-view";
import type { ListAvailabilityQuery } from "./schemas";

/**
 * The working weeks of the studio's listed teachers, by teacher name (every member): one page of
 * the teacher directory, then those teachers' hours in one BatchGet, so a page costs the same in
 * a small and a large studio. Teachers without hours are listed with an empty week. `teacherId`
 * narrows it to that teacher (read with the membership, one call).
 */
export async function listAvailability(actor: Actor, studioId: string, query: ListAvailabilityQuery): Promise<Page<Availability>> {
  if (query.teacherId) {
    const { studio, records } = await loadMemberWith(actor, studioId, ...teacherAndHoursKeys(studioId, query.teacherId));
    const [teacher, hours] = records as unknown as [TeacherRecord | null, AvailabilityRecord | null];
    return { items: isListedTeacher(teacher) ? [toAvailability(teacher, hours, studio.timeZone)] : [], nextCursor: null };
  }

  const { studio } = await loadStudioMember(actor, studioId);
  return teacherWeeks(studio, query);
}

/** The listed teachers' working weeks (listAvailability without `teacherId`) for a studio already read. */
export async function teacherWeeks(studio: StudioRecord, query: ListAvailabilityQuery): Promise<Page<Availability>> {
  const { studioId } = studio;
  const { teacher, availability } = scheduleDb().entities;
  const teachers = await page(
    { studioId, list: "availability" },
    (options) => teacher.query.teachersByName({ studioId, listing: "listed" }).go({ ...options, pages: 1 }),
    query,
  );
  const hours =
    teachers.items.length === 0
      ? []
      : ((await readTogether(...teachers.items.map((t) => itemOf(availability, { studioId, teacherId: t.teacherId })))) as (AvailabilityRecord | null)[]);
  return {
    items: teachers.items.map((t, i) => toAvailability(t as TeacherRecord, hours[i], studio.timeZone)),
    nextCursor: teachers.nextCursor,
  };
}

/** One teacher's working week as a page (empty when there is no such listed teacher): teacher and hours in one BatchGet. */
export async function teacherWeekOf(studio: StudioRecord, teacherId: string): Promise<Page<Availability>> {
  const [teacher, hours] = (await readTogether(...teacherAndHoursKeys(studio.studioId, teacherId))) as unknown as [
    TeacherRecord | null,
    AvailabilityRecord | null,
  ];
  return { items: isListedTeacher(teacher) ? [toAvailability(teacher, hours, studio.timeZone)] : [], nextCursor: null };
}
