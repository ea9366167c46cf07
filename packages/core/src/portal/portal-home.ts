import { billingDb, ownAccountIds, toInvoiceSummary } from "../billing";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { readNames } from "../people";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { lessonOfAttendee, scheduleDb, toLesson, toMakeupCredit, type AttendeeRecord } from "../scheduling";
import { localParts } from "../kernel/time/wall-clock";
import { chosenStudent, readHousehold } from "./household";
import type { PortalHomeQuery } from "./schemas";

/** How far ahead Home looks for lessons, and how many it lists (the calendar shows the rest). */
export const PORTAL_LESSON_DAYS = 28;
export const PORTAL_LESSON_LIMIT = 20;
/** The most open invoices and available credits per child Home lists. */
const PORTAL_LIST_LIMIT = 20;

/**
 * A family's upcoming lessons: one query of the family's (or one student's) calendar index from
 * now, cancelled lessons left out. A band lesson with two siblings is one entry naming both.
 */
async function upcomingLessons(studioId: string, timeZone: string, scope: { familyId: string } | { studentId: string }, now: Date) {
  const { lessonAttendee } = scheduleDb().entities;
  const range = [{ scheduledStart: now.toISOString() }, { scheduledStart: new Date(now.getTime() + PORTAL_LESSON_DAYS * 86_400_000).toISOString() }] as const;
  const query =
    "familyId" in scope
      ? lessonAttendee.query.familyCalendar({ studioId, familyId: scope.familyId }).between(...range)
      : lessonAttendee.query.studentCalendar({ studioId, studentId: scope.studentId }).between(...range);
  const { data, cursor } = await (query as { go: (o: object) => Promise<{ data: AttendeeRecord[]; cursor: string | null }> }).go({
    limit: PORTAL_LESSON_LIMIT * 2,
    pages: 1,
  });
  const byLesson = new Map<string, ReturnType<typeof toLesson> & { familyStudentIds: string[] }>();
  for (const attendee of data) {
    const lesson = lessonOfAttendee(attendee);
    if (lesson.status === "cancelled") continue;
    const entry = byLesson.get(lesson.lessonId) ?? { ...toLesson(lesson, timeZone), familyStudentIds: [] };
    entry.familyStudentIds.push(attendee.studentId);
    byLesson.set(lesson.lessonId, entry);
  }
  const lessons = [...byLesson.values()];
  return { lessons: lessons.slice(0, PORTAL_LESSON_LIMIT), more: lessons.length > PORTAL_LESSON_LIMIT || cursor !== null };
}

/** Each child's available credits, unexpired as of the studio's today, newest first (one query per child). */
async function availableCredits(studioId: string, studentIds: string[], today: string) {
  const { makeupCredit } = scheduleDb().entities;
  const lists = await Promise.all(
    studentIds.map((studentId) =>
      makeupCredit.query
        .creditsByStudent({ studioId, studentId })
        .where((a, op) => `${op.eq(a.status, "available")} AND ${op.gte(a.expiresOn, today)}`)
        .go({ limit: PORTAL_LIST_LIMIT, pages: "all", order: "desc" }),
    ),
  );
  return lists
    .flatMap((l) => l.data.slice(0, PORTAL_LIST_LIMIT))
    .map((r) => toMakeupCredit(r, today))
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
}

/** The household's own billing account (a parent's family's, a student's own) and its open invoices; null before one is opened. */
async function familyBilling(studioId: string, accountId: string | undefined, currency: string, today: string) {
  if (!accountId) return null;
  const { billingAccount, invoice } = billingDb().entities;
  const [[account], open] = await Promise.all([
    readTogether(itemOf(billingAccount, { studioId, accountId })),
    invoice.query
      .invoicesByAccount({ studioId, accountId })
      .where((a, op) => op.eq(a.listState, "open"))
      .go({ pages: "all", order: "desc" }),
  ]);
  if (!account) return null;
  return {
    accountId,
    currency,
    balanceMinor: account.balanceMinor,
    creditMinor: account.creditMinor,
    openInvoices: open.data
      .slice(0, PORTAL_LIST_LIMIT)
      .map((r) => toInvoiceSummary(r, today))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
}

/**
 * A student's or parent's portal Home in one read: their household (a parent's family and
 * children; a student themself), the upcoming lessons (the whole family's, or the chosen child's),
 * the children's make-up credits still to spend, and what the household owes with its open
 * invoices. Only ever their own: the scopes come from the membership, and a `studentId` outside
 * the household is a 404. Staff get 403 (they have the workspace); another studio is a 404.
 */
export async function portalHome(actor: Actor, studioId: string, query: PortalHomeQuery, now = new Date()) {
  const { member, studio } = await loadMemberWith(actor, studioId);
  assertMay(member, "portal.view");
  const role = member.role as "student" | "parent";
  const household = await readHousehold(studioId, member);
  const chosen = chosenStudent(household, query.studentId);
  const { timeZone, currency } = studio;
  const today = localParts(now, timeZone).date;
  const studentIds = chosen ? [chosen.id] : household.students.map((s) => s.id);
  const scope =
    chosen || household.kind === "student" ? (studentIds[0] ? { studentId: studentIds[0] } : null) : household.id ? { familyId: household.id } : null;

  const [upcoming, makeupCredits, billing] = await Promise.all([
    scope ? upcomingLessons(studioId, timeZone, scope, now) : { lessons: [], more: false },
    availableCredits(studioId, studentIds, today),
    familyBilling(studioId, ownAccountIds(member)[0], currency, today),
  ]);
  const names = await readNames(studioId, {
    teachers: [...upcoming.lessons.map((l) => l.teacherId), ...makeupCredits.map((c) => c.teacherId)],
    bands: upcoming.lessons.flatMap((l) => (l.bandId ? [l.bandId] : [])),
  });

  return {
    role,
    today,
    timeZone,
    household,
    studentId: chosen?.id ?? null,
    lessons: upcoming.lessons,
    moreLessons: upcoming.more,
    makeupCredits,
    billing,
    names: { ...names, students: Object.fromEntries(household.students.map((s) => [s.id, `${s.firstName} ${s.lastName}`.trim()])) },
  };
}
export type PortalHome = Awaited<ReturnType<typeof portalHome>>;
