import { listPublicCourses } from "../classes";
import { bandsFor, familiesFor, studentsFor } from "../people";
import { isStudioAdmin, loadMemberWith, may, type Actor } from "../policy";
import { roomsFor } from "../rooms";
import { teacherWeekOf, teacherWeeks } from "../scheduling";

/** The lists a workspace form or filter chooses from. */
export const CHOICE_LISTS = ["teachers", "students", "families", "bands", "rooms", "courses"] as const;
export type ChoiceList = (typeof CHOICE_LISTS)[number];

/** Each list's first page holds at most this many (the most a list route gives in one page). */
export const CHOICES_LIMIT = 100;

/**
 * What a workspace page's selects choose from, in one read (the booking form, the calendar's
 * filters, a file's "share with"): the lists asked for, each the first page its list route gives
 * the member — `teachers` the working weeks of the teachers the member books for (admins: every
 * listed teacher; a teacher: themself; others: none), `students` as GET …/students, `families` and
 * `bands` (admins only; left out for others), `rooms` as GET …/rooms, `courses` the active group
 * courses with their plans and the class slots still ahead with seats left (admins: what a lead is
 * admitted into). One read of the membership, then the lists' queries in parallel.
 */
export async function workspaceChoices(actor: Actor, studioId: string, lists: readonly ChoiceList[]) {
  const { member, studio } = await loadMemberWith(actor, studioId);
  const wanted = new Set(lists);
  const page = { limit: CHOICES_LIMIT };
  const [teachers, students, families, bands, rooms, courses] = await Promise.all([
    wanted.has("teachers")
      ? isStudioAdmin(member)
        ? teacherWeeks(studio, page)
        : member.role === "teacher" && member.teacherId
          ? teacherWeekOf(studio, member.teacherId)
          : { items: [], nextCursor: null }
      : undefined,
    wanted.has("students") ? studentsFor(member, studioId, page) : undefined,
    wanted.has("families") && may(member, "family.manage") ? familiesFor(member, studioId, page) : undefined,
    wanted.has("bands") && may(member, "band.manage") ? bandsFor(member, studioId, page) : undefined,
    wanted.has("rooms") ? roomsFor(member, studio, page) : undefined,
    wanted.has("courses") && may(member, "class.manage") ? listPublicCourses(studio).then((items) => ({ items })) : undefined,
  ]);
  return {
    ...(teachers ? { teachers } : {}),
    ...(students ? { students } : {}),
    ...(families ? { families } : {}),
    ...(bands ? { bands } : {}),
    ...(rooms ? { rooms } : {}),
    ...(courses ? { courses } : {}),
  };
}
export type WorkspaceChoices = Awaited<ReturnType<typeof workspaceChoices>>;
