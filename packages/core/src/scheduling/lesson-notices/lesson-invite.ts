import { config } from "../../config";
import { addressOf } from "../../email/mime";
import type { RenderedEmail } from "../../email/templates/layout";
import type { LessonPeople } from "../cancellations/lesson-recipients";
import { renderInvite } from "../feeds/imip-invite";
import { lessonEvent } from "../feeds/lesson-event";
import type { LessonRecord } from "../lessons/lesson-view";

interface InviteStudio {
  name: string;
  email?: string | null;
  timeZone: string;
}

/**
 * The calendar invitation an email about one lesson carries for one recipient: REQUEST when it
 * is booked or moved, CANCEL when it is cancelled; the lesson's feed event (same UID, SEQUENCE
 * from its revisions), the studio as organizer. A lesson of a recurring pattern has none: its
 * series is the family's to keep through the calendar feed.
 */
export function lessonInvite(
  studio: InviteStudio,
  lesson: LessonRecord,
  people: Pick<LessonPeople, "students" | "teachers">,
  method: "REQUEST" | "CANCEL",
  attendee: { name: string; email: string },
): RenderedEmail["calendar"] {
  if (lesson.patternId) return undefined;
  const names = { teachers: people.teachers, students: people.students, bands: new Map<string, string>() };
  const event = lessonEvent(lesson, names);
  return {
    method,
    ics: renderInvite({ method, timeZone: studio.timeZone, event, organizer: { name: studio.name, email: studio.email ?? addressOf(config().mailFrom) }, attendee }),
  };
}
