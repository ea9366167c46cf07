import { assertMay, isStudioAdmin, loadMemberWith, type Actor } from "../policy";
import { scheduleDb, toClosure } from "../scheduling";
import { addDays, localParts } from "../kernel/time/wall-clock";
import { attendanceOf, lessonsOnDays, toDayLesson } from "./day-lessons";
import { pendingAccessRequests, pendingReschedules } from "./pending-requests";
import { readNames } from "../people";
import { setupSteps } from "./setup-steps";
import { todayMoney } from "./today-money";

/** Upcoming closures Today lists. */
const CLOSURES_SHOWN = 5;

async function upcomingClosures(studioId: string, today: string) {
  const { data } = await scheduleDb()
    .entities.closure.query.closuresByDate({ studioId })
    .gte({ endDate: today })
    .where((a, op) => op.notExists(a.deletedAt))
    .go({ limit: CLOSURES_SHOWN, pages: "all" });
  return data.map(toClosure);
}

/**
 * A studio's landing page in one read (owners, admins, teachers), as of the studio's local today:
 * today's and tomorrow's lessons with their attendance, the pending reschedule requests the member
 * reviews and the upcoming closures — and for admins also the pending access requests, overdue
 * invoices, this month's revenue and the setup steps still open. A teacher gets only their own
 * lessons and the requests for them, never money or access requests. The reads run in parallel;
 * names of the students, teachers and bands mentioned come in one batch after them.
 */
export async function studioToday(actor: Actor, studioId: string) {
  const { member, studio } = await loadMemberWith(actor, studioId);
  assertMay(member, "workspace.today");
  const admin = isStudioAdmin(member);
  const role = member.role as "owner" | "admin" | "teacher";
  const { timeZone } = studio;
  const today = localParts(new Date(), timeZone).date;

  const [day, reschedules, closures, accessRequests, money, setup] = await Promise.all([
    lessonsOnDays(studioId, member, timeZone, today, 2),
    pendingReschedules(studioId, member, timeZone),
    upcomingClosures(studioId, today),
    admin ? pendingAccessRequests(studioId) : null,
    admin ? todayMoney(studioId, studio.currency, today) : null,
    admin ? setupSteps(studioId) : null,
  ]);
  const [attendance, names] = await Promise.all([
    attendanceOf(studioId, day.lessons),
    readNames(studioId, {
      students: [...day.lessons.flatMap((l) => l.studentIds), ...reschedules.items.map((r) => r.studentId)],
      teachers: [...day.lessons.map((l) => l.teacherId), ...reschedules.items.map((r) => r.teacherId)],
      bands: day.lessons.flatMap((l) => (l.bandId ? [l.bandId] : [])),
    }),
  ]);

  return {
    role,
    today,
    tomorrow: addDays(today, 1),
    timeZone,
    lessons: day.lessons.map((l) => toDayLesson(l, timeZone, attendance)),
    moreLessons: day.more,
    rescheduleRequests: reschedules,
    accessRequests,
    closures,
    money,
    setup,
    names,
  };
}
export type StudioToday = Awaited<ReturnType<typeof studioToday>>;
