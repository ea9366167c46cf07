import type { LessonRecord } from "../lessons/lesson-view";
import type { CalendarEvent } from "./ical-calendar";

/** The names a feed shows: full names of teachers and students, band names, students' instruments. */
export interface FeedNames {
  teachers: Map<string, string>;
  students: Map<string, { name: string; instrument?: string }>;
  bands: Map<string, string>;
}

const TYPE_WORDS: Record<LessonRecord["type"], string> = {
  private: "Lesson",
  group: "Group lesson",
  ensemble: "Ensemble lesson",
  online: "Online lesson",
};

/** At most this many student names in a title; the rest are counted. */
const NAMES_SHOWN = 3;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Piano lesson", the lesson's own title, or its type in words. */
export function lessonWhat(lesson: Pick<LessonRecord, "title" | "type" | "studentIds" | "bandId">, names: Pick<FeedNames, "students">): string {
  if (lesson.title) return lesson.title;
  const instrument = !lesson.bandId && lesson.studentIds.length === 1 ? names.students.get(lesson.studentIds[0]!)?.instrument : undefined;
  return instrument && lesson.type !== "online" ? `${capitalised(instrument)} lesson` : TYPE_WORDS[lesson.type];
}

/** Who attends: the band's name, or the students' names ("Sam Student, Ada Keys +2"). */
export function lessonWho(lesson: Pick<LessonRecord, "studentIds" | "bandId">, names: Pick<FeedNames, "students" | "bands">): string {
  const band = lesson.bandId ? names.bands.get(lesson.bandId) : undefined;
  if (band) return band;
  const known = lesson.studentIds.map((id) => names.students.get(id)?.name).filter((n): n is string => Boolean(n));
  const shown = known.slice(0, NAMES_SHOWN).join(", ");
  return known.length > NAMES_SHOWN ? `${shown} +${known.length - NAMES_SHOWN}` : shown;
}

/** Room, place and online link, as one line. */
export const lessonPlace = (lesson: Pick<LessonRecord, "roomName" | "location" | "onlineUrl">) =>
  [lesson.roomName, lesson.location, lesson.onlineUrl].filter(Boolean).join(", ");

/**
 * A lesson as a feed event: "Piano lesson — Tess Teacher with Sam Student", its place, CANCELLED
 * when cancelled. Only names and places: never notes, medical notes or cancellation reasons.
 * SEQUENCE counts seconds from creation to the last change plus the lesson's revisions, so it
 * grows with every revision, even two in the same second (a booking's invitation, then its move).
 */
export function lessonEvent(lesson: LessonRecord, names: FeedNames): CalendarEvent {
  const teacher = names.teachers.get(lesson.teacherId);
  const who = lessonWho(lesson, names);
  const people = [teacher, who && `with ${who}`].filter(Boolean).join(" ");
  const place = lessonPlace(lesson);
  const cancelled = lesson.status === "cancelled";
  const description = [cancelled ? "Cancelled." : "", lesson.onlineUrl ? `Join online: ${lesson.onlineUrl}` : ""].filter(Boolean).join("\n");
  return {
    uid: `${lesson.lessonId}@studiosync`,
    start: lesson.scheduledStart,
    end: lesson.scheduledEnd,
    summary: people ? `${lessonWhat(lesson, names)} — ${people}` : lessonWhat(lesson, names),
    ...(place ? { location: place } : {}),
    ...(description ? { description } : {}),
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    sequence: Math.max(0, Math.floor((Date.parse(lesson.updatedAt) - Date.parse(lesson.createdAt)) / 1000)) + (lesson.revision ?? 0),
    revisedAt: lesson.updatedAt,
    createdAt: lesson.createdAt,
  };
}
