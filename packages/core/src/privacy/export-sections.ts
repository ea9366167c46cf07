import { inPool } from "../kernel/db/read-many";
import { toAccount, toInvoice, toPayment } from "../billing";
import { toLoan } from "../lending";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { LISTINGS } from "../kernel/db/attributes";
import { may, isStaff, isStudioAdmin, type StudioMember } from "../policy";
import { toAttendanceEntry, toLessonSummary } from "../scheduling";
import { toCalendarFeed, toGoal, toLessonNote, toPracticeLog } from "../teaching";
import { localParts } from "../kernel/time/wall-clock";
import type { StudioRecord } from "../studios/module";
import { privacyDb } from "./privacy-db";
import type { SubjectRecord } from "./subject";

/** At most this many of each kind of record (lessons, goals, practice logs, invoices…) per export. */
export const SECTION_LIMIT = 2000;
const PAGE = 250;

/** Every page of a query, up to SECTION_LIMIT items; says whether it stopped early. */
export async function upTo<T>(run: (cursor: string | null) => Promise<{ data: T[]; cursor: string | null }>, max = SECTION_LIMIT) {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const result = await run(cursor);
    items.push(...result.data);
    cursor = result.cursor;
  } while (cursor && items.length < max);
  return { items: items.slice(0, max), truncated: Boolean(cursor) || items.length > max };
}

/** A student's lessons with their attendance, and the notes of those lessons the requester may see (as the notes list shows them). */
async function lessonsOf(studioId: string, studentId: string, timeZone: string, requester: StudioMember) {
  const db = privacyDb();
  const { items: attendees, truncated } = await upTo((cursor) =>
    db.entities.lessonAttendee.query.studentCalendar({ studioId, studentId }).go({ cursor, limit: PAGE }),
  );
  const notesByLesson = new Map<string, ReturnType<typeof toLessonNote>[]>();
  await inPool(attendees, 8, async (attendee) => {
    const { data } = await db.entities.lessonNote.query.note({ studioId, lessonId: attendee.lessonId }).go({ pages: "all" });
    notesByLesson.set(attendee.lessonId, data.filter((note) => may(requester, "note.view", note)).map(toLessonNote));
  });
  const lessons = attendees.map((attendee) => ({
    ...toLessonSummary(attendee, timeZone),
    attendance: toAttendanceEntry(attendee),
    notes: notesByLesson.get(attendee.lessonId) ?? [],
  }));
  return { lessons, truncated };
}

async function goalsAndPractice(studioId: string, studentId: string) {
  const db = privacyDb();
  const [goals, logs] = await Promise.all([
    Promise.all(
      LISTINGS.map((listing) => upTo((cursor) => db.entities.goal.query.goalsByStudent({ studioId, studentId, listing }).go({ cursor, limit: PAGE }))),
    ),
    Promise.all(
      LISTINGS.map((listing) => upTo((cursor) => db.entities.practiceLog.query.logsByStudent({ studioId, studentId, listing }).go({ cursor, limit: PAGE }))),
    ),
  ]);
  return {
    goals: goals.flatMap((page) => page.items).map(toGoal),
    practiceLogs: logs.flatMap((page) => page.items).map(toPracticeLog),
    truncated: [...goals, ...logs].some((page) => page.truncated),
  };
}

/** The person's calendar feeds (never their secret URL). */
async function feedsOf(studioId: string, userId: string | undefined) {
  if (!userId) return { feeds: [], truncated: false };
  const { items, truncated } = await upTo((cursor) =>
    privacyDb().entities.calendarFeed.query.feedsByOwner({ studioId, ownerUserId: userId }).go({ cursor, limit: PAGE }),
  );
  return { feeds: items.map(toCalendarFeed), truncated };
}

/**
 * The person's loans and loan requests (item, dates, due, returned, condition and notes, deposit
 * and fee): a student's own; a guardian's family's (the loans of the family's children made while
 * they were in it, whose deposits and fees the family's account carries). Newest first.
 */
async function loansOf(studio: StudioRecord, subject: SubjectRecord, familyStudentIds: readonly string[]) {
  if (subject.type === "teacher") return { loans: [], truncated: false };
  const { studioId } = studio;
  const familyId = subject.record.familyId;
  const studentIds = subject.type === "student" ? [subject.id] : familyId ? [...new Set(familyStudentIds)] : [];
  const pages = await Promise.all(
    studentIds.map((studentId) =>
      upTo((cursor) => privacyDb().entities.loan.query.loansByStudent({ studioId, studentId }).go({ cursor, limit: PAGE, order: "desc" })),
    ),
  );
  const today = localParts(new Date(), studio.timeZone).date;
  const records = pages.flatMap((page) => page.items).filter((loan) => subject.type === "student" || loan.familyId === familyId);
  return { loans: records.map((loan) => toLoan(loan, today)), truncated: pages.some((page) => page.truncated) };
}

/**
 * The billing accounts that are the person's: a student's own account, and their family's when the
 * requester is staff or of that family; a guardian's family account. (An account's id is its party's id.)
 */
export function accountIdsOf(subject: SubjectRecord, requester?: StudioMember): string[] {
  if (subject.type === "teacher") return [];
  const familyId = subject.record.familyId;
  if (subject.type === "guardian") return familyId ? [familyId] : [];
  const family = familyId && (!requester || isStudioAdmin(requester) || requester.familyId === familyId) ? [familyId] : [];
  return [subject.id, ...family];
}

/** The accounts with their invoices (drafts only for admins) and payments. */
async function billingOf(studio: StudioRecord, accountIds: string[], requester: StudioMember) {
  const db = privacyDb();
  const { studioId } = studio;
  const today = localParts(new Date(), studio.timeZone).date;
  const found = accountIds.length ? await readTogether(...accountIds.map((accountId) => itemOf(db.entities.billingAccount, { studioId, accountId }))) : [];
  const accounts = found.filter((account) => account !== null);
  const sections = await Promise.all(
    accounts.map(async (account) => {
      const { accountId } = account;
      const [invoices, payments] = await Promise.all([
        upTo((cursor) => db.entities.invoice.query.invoicesByAccount({ studioId, accountId }).go({ cursor, limit: PAGE })),
        upTo((cursor) => db.entities.payment.query.paymentsByAccount({ studioId, accountId }).go({ cursor, limit: PAGE })),
      ]);
      return {
        account: toAccount(account, studio.currency),
        invoices: invoices.items.filter((invoice) => invoice.status !== "draft" || isStudioAdmin(requester)).map((invoice) => toInvoice(invoice, today)),
        payments: payments.items.map(toPayment),
        truncated: invoices.truncated || payments.truncated,
      };
    }),
  );
  return {
    billingAccounts: sections.map((s) => s.account),
    invoices: sections.flatMap((s) => s.invoices),
    payments: sections.flatMap((s) => s.payments),
    truncated: sections.some((s) => s.truncated),
  };
}

/**
 * Everything about the person beyond their profile and family: lessons with attendance and the
 * notes the requester may see, goals, practice logs, calendar feeds, billing accounts, invoices
 * and payments, loans. `staff` says whether the requester sees staff-only fields (people/staff-only.ts).
 * `familyStudentIds`: a guardian's family's children, whose loans are the family's.
 */
export async function activitySections(input: {
  studio: StudioRecord;
  subject: SubjectRecord;
  userId: string | undefined;
  requester: StudioMember;
  familyStudentIds?: readonly string[];
}) {
  const { studio, subject, requester } = input;
  const { studioId } = studio;
  const student = subject.type === "student";
  const [lessons, teaching, feeds, billing, loans] = await Promise.all([
    student ? lessonsOf(studioId, subject.id, studio.timeZone, requester) : Promise.resolve(null),
    student ? goalsAndPractice(studioId, subject.id) : Promise.resolve(null),
    feedsOf(studioId, input.userId),
    billingOf(studio, accountIdsOf(subject, requester), requester),
    loansOf(studio, subject, input.familyStudentIds ?? []),
  ]);
  return {
    staff: isStaff(requester),
    sections: {
      ...(lessons ? { lessons: lessons.lessons } : {}),
      ...(teaching ? { goals: teaching.goals, practiceLogs: teaching.practiceLogs } : {}),
      calendarFeeds: feeds.feeds,
      billingAccounts: billing.billingAccounts,
      invoices: billing.invoices,
      payments: billing.payments,
      ...(subject.type === "teacher" ? {} : { loans: loans.loans }),
    },
    truncated: Boolean(lessons?.truncated || teaching?.truncated || feeds.truncated || billing.truncated || loans.truncated),
  };
}
