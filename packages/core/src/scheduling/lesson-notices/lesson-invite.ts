import { config } from "../../kernel/config";
import { addressOf, type RenderedEmail } from "../../email";
import type { LessonPeople } from "../cancellations/lesson-recipients";
import { zonedLine } from "../ical/ical-calendar";
import { renderInvite } from "../ical/imip-invite";
import { lessonEvent } from "../ical/lesson-event";
import type { LessonRecord } from "../lessons/lesson-view";

export interface InviteStudio {
  name: string;
  email?: string | null;
  timeZone: string;
}

/** A pattern's series in calendars: one UID for all its occurrences (a single lesson's is `<lessonId>@studiosync`). */
export const seriesUid = (patternId: string) => `${patternId}@studiosync`;

/** Who sends invitations: the studio (its address, else the platform's sender). */
export const organizerOf = (studio: InviteStudio) => ({ name: studio.name, email: studio.email ?? addressOf(config().mailFrom) });

/**
 * Where a pattern's lesson stands in its series: the instant the pattern planned it (kept through
 * moves), or, for a lesson made before that was stored, its start while untouched by hand.
 */
const occurrenceStartOf = (lesson: LessonRecord) => lesson.occurrenceStart ?? (lesson.editedByHand ? undefined : lesson.scheduledStart);

/**
 * The calendar invitation an email about one lesson carries for one recipient: REQUEST when it
 * is booked or moved, CANCEL when it is cancelled; the lesson's feed event (same UID, SEQUENCE
 * from its revisions), the studio as organizer. A lesson of a recurring pattern is one occurrence
 * of its series (series-event.ts): the series' UID and `RECURRENCE-ID;TZID=…` = the occurrence's
 * planned start, so the calendar moves or removes that one occurrence and keeps the others.
 */
export function lessonInvite(
  studio: InviteStudio,
  lesson: LessonRecord,
  people: Pick<LessonPeople, "students" | "teachers">,
  method: "REQUEST" | "CANCEL",
  attendee: { name: string; email: string },
): RenderedEmail["calendar"] {
  return lessonsInvite(studio, [lesson], people, method, attendee);
}

/** The names a lesson's calendar event shows (no bands: invitations go to a lesson's families). */
export const inviteNames = (people: Pick<LessonPeople, "students" | "teachers">) => ({
  teachers: people.teachers,
  students: people.students,
  bands: new Map<string, string>(),
});

/** A lesson as its calendar component: its own event, or its series' occurrence (series UID + RECURRENCE-ID). */
function calendarComponent(studio: InviteStudio, lesson: LessonRecord, people: Pick<LessonPeople, "students" | "teachers">) {
  const event = lessonEvent(lesson, inviteNames(people));
  if (!lesson.patternId) return { event, lines: [] };
  const planned = occurrenceStartOf(lesson);
  return planned ? { event: { ...event, uid: seriesUid(lesson.patternId) }, lines: [zonedLine("RECURRENCE-ID", [planned], studio.timeZone)] } : undefined;
}

/**
 * One invitation for several lessons of the same calendar event (a closure cancelling several
 * occurrences of one series): one VEVENT each, sharing the UID. None when they belong to
 * different events (one iTIP message is about one UID) or an occurrence's place is unknown.
 */
export function lessonsInvite(
  studio: InviteStudio,
  lessons: LessonRecord[],
  people: Pick<LessonPeople, "students" | "teachers">,
  method: "REQUEST" | "CANCEL",
  attendee: { name: string; email: string },
): RenderedEmail["calendar"] {
  const components = lessons.map((lesson) => calendarComponent(studio, lesson, people));
  if (components.length === 0 || components.some((c) => !c) || new Set(components.map((c) => c!.event.uid)).size > 1) return undefined;
  const [first, ...rest] = components as NonNullable<(typeof components)[number]>[];
  const ics = renderInvite({
    method,
    timeZone: studio.timeZone,
    event: first!.event,
    lines: first!.lines,
    overrides: rest,
    organizer: organizerOf(studio),
    attendee,
  });
  return { method, ics };
}
