import { emailBrand, lessonSeriesMessage, type LessonSeriesEmail, type RenderedEmail } from "../../email";
import { optedOutAmong, unsubscribable } from "../../notifications";
import type { OutboxEmail } from "../../outbox";
import { studioPublicUrl } from "../../studios";
import { closuresBetween, lessonPeople, lessonPlace, lessonsInvite, type NoticeStudio } from "../../scheduling";
import { occurrenceDates } from "../patterns/occurrences";
import type { LessonRecord } from "../../scheduling/module";
import { isUntouched, occurrenceLesson, occurrenceLessonId, readLessons } from "../patterns/pattern-lessons";
import type { PatternRecord } from "../patterns/pattern-view";
import { minutesOf, timeOf, type LocalDate } from "../../kernel/time/wall-clock";
import { lastOccurrence, seriesDates, seriesInvite, type SeriesChanges } from "./series-event";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const ORDINALS = ["first", "second", "third", "fourth", "last"];

/** "every Tuesday", "every other Tuesday", "on the last Tuesday of each month". */
function rhythmWords(pattern: Pick<PatternRecord, "frequency" | "dayOfWeek" | "startDate">): string {
  const day = WEEKDAYS[pattern.dayOfWeek - 1]!;
  if (pattern.frequency === "weekly") return `every ${day}`;
  if (pattern.frequency === "biweekly") return `every other ${day}`;
  return `on the ${ORDINALS[Math.ceil(Number(pattern.startDate.slice(8, 10)) / 7) - 1]} ${day} of each month`;
}

/** "16:00–16:45 (Europe/London)": the series' wall-clock time. */
const timeWords = (pattern: Pick<PatternRecord, "startTime" | "durationMinutes">, timeZone: string) =>
  `${pattern.startTime}–${timeOf((minutesOf(pattern.startTime) + pattern.durationMinutes) % 1440)} (${timeZone})`;

/**
 * What a series invitation must leave out or show moved, as known now: occurrences on the
 * studio's closures (over the whole series, also beyond the materialised lessons), occurrences the
 * pattern skipped (conflicts, kept lessons), and its materialised lessons that were cancelled
 * (left out) or moved by hand (sent as occurrences with their RECURRENCE-ID).
 */
export async function seriesChanges(pattern: PatternRecord, alsoExcluded: LocalDate[] = [], kept: LessonRecord[] = []): Promise<SeriesChanges> {
  const last = pattern.endDate ?? "9999-12-31";
  const through = pattern.materialisedThrough && pattern.materialisedThrough < last ? pattern.materialisedThrough : pattern.endDate;
  const materialised = pattern.materialisedThrough && through ? seriesDates(pattern, through) : [];
  const [closures, lessons] = await Promise.all([
    pattern.startDate <= last ? closuresBetween(pattern.studioId, pattern.startDate, last) : [],
    readLessons(
      pattern.studioId,
      materialised.map((date) => occurrenceLessonId(pattern.patternId, date)),
    ),
  ]);
  const closed = closures.flatMap((c) => occurrenceDates(pattern, c.startDate, c.endDate));
  const excluded: LocalDate[] = [
    ...alsoExcluded,
    ...closed,
    ...(pattern.skipped ?? []).map((s) => s.date),
    ...lessons.filter((l) => l.status === "cancelled").map((l) => l.occurrenceDate!),
  ];
  const moved = lessons.filter((l) => l.status !== "cancelled" && l.occurrenceStart && l.scheduledStart !== l.occurrenceStart);
  return { excluded, moved, kept };
}

/** A pattern's materialised lessons on these dates that its end or edit leaves in place (changed by hand, or started). */
export async function keptLessons(pattern: PatternRecord, dates: LocalDate[], now: Date): Promise<LessonRecord[]> {
  const lessons = await readLessons(
    pattern.studioId,
    dates.map((date) => occurrenceLessonId(pattern.patternId, date)),
  );
  return lessons.filter((lesson) => !isUntouched(lesson, now));
}

type Recipient = Awaited<ReturnType<typeof lessonPeople>>["recipients"][number];
type People = Awaited<ReturnType<typeof lessonPeople>>;

/**
 * One email about a pattern's series per family address (its students with an email and their
 * families' guardians): the words every such email shares (whose lessons, teacher, rhythm, time,
 * place), and the calendar part `calendarFor` gives unless the address stopped invitations.
 */
async function perRecipient(
  studio: NoticeStudio,
  pattern: PatternRecord,
  messageId: string,
  email: (shared: Omit<LessonSeriesEmail, "kind">) => RenderedEmail,
  calendarFor: (people: People, recipient: Recipient) => RenderedEmail["calendar"],
): Promise<OutboxEmail[]> {
  const people = await lessonPeople(studio.studioId, pattern.studentIds, [pattern.teacherId]);
  if (people.recipients.length === 0) return [];
  const noInvites = await optedOutAmong(
    studio.studioId,
    people.recipients.map((r) => r.email),
    "calendar-invites",
  );
  const where = lessonPlace(pattern);
  return people.recipients.map((recipient): OutboxEmail => {
    const calendar = noInvites.has(recipient.email.trim().toLowerCase()) ? undefined : calendarFor(people, recipient);
    return {
      scope: studio.studioId,
      messageId: `${messageId}#${recipient.email.toLowerCase()}`,
      to: recipient.email,
      email: email({
        studioName: studio.name,
        greetingName: recipient.greetingName,
        studentNames: recipient.studentIds.map((id) => people.students.get(id)?.name ?? "The student"),
        teacherName: people.teachers.get(pattern.teacherId) ?? "your teacher",
        rhythm: rhythmWords(pattern),
        time: timeWords(pattern, studio.timeZone),
        firstDate: pattern.startDate,
        ...(where ? { where } : {}),
        studioUrl: studioPublicUrl(studio.slug),
        ...(calendar ? { calendar, stopInvites: unsubscribable(studio, recipient.email, "calendar-invites").unsubscribe } : {}),
      }),
      brand: emailBrand(studio),
    };
  });
}

const attendeeOf = (recipient: Recipient) => ({ name: recipient.greetingName, email: recipient.email });

/**
 * The email about a pattern's series to each family address: its day, time, teacher, first and
 * last date in words, and the series' calendar invitation (REQUEST; CANCEL when it ended before
 * its first lesson). One per address, series and revision (the message id names them), enqueued
 * with the pattern's change (outbox).
 */
export async function seriesNotices(
  studio: NoticeStudio,
  pattern: PatternRecord,
  kind: Exclude<LessonSeriesEmail["kind"], "cancelled" | "closed">,
  options: { continued?: boolean; excluded?: LocalDate[]; kept?: LessonRecord[] } = {},
): Promise<OutboxEmail[]> {
  const changes = await seriesChanges(pattern, options.excluded, options.kept);
  const empty = Boolean(pattern.endDate && pattern.endDate < pattern.startDate);
  const last = empty ? undefined : lastOccurrence(pattern);
  return perRecipient(
    studio,
    pattern,
    `lesson-series#${pattern.patternId}#${pattern.revision ?? 0}`,
    (shared) =>
      lessonSeriesMessage({
        ...shared,
        kind: empty ? "cancelled" : kind,
        ...(options.continued ? { continued: true } : {}),
        ...(last ? { lastDate: last } : {}),
      }),
    (people, recipient) => seriesInvite(studio, pattern, people, empty ? "CANCEL" : "REQUEST", attendeeOf(recipient), changes),
  );
}

/**
 * The email about a closure's dates that a pattern reaches beyond its materialised lessons (no
 * lesson was cancelled there: the job will skip them): to each family address, which dates are
 * off and why, with the calendar's CANCEL of those occurrences (series UID, RECURRENCE-ID each),
 * as the closure's own email does for the lessons it cancels. One per address, closure and series.
 */
export async function closedDatesNotices(
  studio: NoticeStudio,
  pattern: PatternRecord,
  closure: { closureId: string; reason: string },
  dates: LocalDate[],
  now: Date,
): Promise<OutboxEmail[]> {
  if (dates.length === 0) return [];
  // The occurrences as the pattern would make them, one revision past the series as sent.
  const occurrences = dates.map((date) => ({
    ...occurrenceLesson(pattern, pattern, date, { timeZone: studio.timeZone, actorId: "closure", now }),
    status: "cancelled" as const,
    revision: (pattern.revision ?? 0) + 1,
  }));
  return perRecipient(
    studio,
    pattern,
    `lesson-series-closed#${closure.closureId}#${pattern.patternId}`,
    (shared) => lessonSeriesMessage({ ...shared, kind: "closed", closed: { dates, reason: closure.reason } }),
    (people, recipient) => lessonsInvite(studio, occurrences, people, "CANCEL", attendeeOf(recipient)),
  );
}
