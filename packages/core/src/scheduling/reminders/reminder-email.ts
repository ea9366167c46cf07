import { unsubscribable } from "../../notifications";
import { studioPublicUrl } from "../../studios";
import { lessonLinks } from "../lesson-actions/action-links";
import { lessonReminderMessage } from "../../email";
import { zoneAbbreviation } from "../ical/zone-transitions";
import { lessonWhat, lessonWho } from "../ical/lesson-event";
import type { ReminderContext } from "./reminder-context";
import type { ReminderRecipient } from "./reminder-recipients";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, kind: "date" | "short" | "time", instant: Date) {
  const key = `${kind} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { weekday: "long", year: "numeric", month: "long", day: "numeric" }
        : kind === "short"
          ? { weekday: "short", month: "short", day: "numeric" }
          : { hour: "numeric", minute: "2-digit" };
    formats.set(key, (f = new Intl.DateTimeFormat("en-US", { timeZone, ...options })));
  }
  return f.format(instant);
}

/** When a lesson happens on the studio's wall clock: long ("…, 4:00 PM – 4:45 PM EST (America/New_York)") and short. */
export function localWhen(start: string, end: string, timeZone: string) {
  const from = new Date(start);
  const to = new Date(end);
  const zone = zoneAbbreviation(from, timeZone);
  return {
    when: `${format(timeZone, "date", from)}, ${format(timeZone, "time", from)} – ${format(timeZone, "time", to)} ${zone} (${timeZone})`,
    shortWhen: `${format(timeZone, "short", from)} at ${format(timeZone, "time", from)} ${zone}`,
  };
}

/** The reminder email of a lesson for one recipient. */
export function reminderEmail(context: ReminderContext, recipient: ReminderRecipient) {
  const { lesson, studio } = context;
  const names = {
    students: new Map(
      context.students.map((s) => [s.studentId, { name: `${s.firstName} ${s.lastName}`, ...(s.instrument ? { instrument: s.instrument } : {}) }]),
    ),
    bands: new Map(context.bandName && lesson.bandId ? [[lesson.bandId, context.bandName]] : []),
  };
  const who = lessonWho(lesson, names);
  const place = [lesson.roomName, lesson.location].filter(Boolean).join(", ");
  const contact = [studio.email, studio.phone].filter(Boolean).join(", ");
  return lessonReminderMessage({
    recipientFirstName: recipient.firstName,
    studioName: studio.name,
    lessonLine: `${lessonWhat(lesson, names)}${who ? ` for ${who}` : ""} with ${context.teacherName}`,
    ...localWhen(lesson.scheduledStart, lesson.scheduledEnd, studio.timeZone),
    ...(place ? { where: place } : {}),
    ...(lesson.onlineUrl ? { onlineUrl: lesson.onlineUrl } : {}),
    ...(contact ? { studioContact: contact } : {}),
    leadHours: context.settings.reminderLeadHours,
    links: lessonLinks(studio, lesson, recipient.email),
    studioUrl: studioPublicUrl(studio.slug),
    unsubscribe: unsubscribable(studio, recipient.email, "reminders"),
  });
}
