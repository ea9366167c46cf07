import { v5 as uuidv5 } from "uuid";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { roomKeyOf, type LessonParties } from "../../scheduling";
import type { LessonRecord } from "../../scheduling/module";
import { planningDb, type PlanningTx } from "../planning-db";
import type { LocalDate } from "../../kernel/time/wall-clock";
import { occurrenceInstants } from "./occurrences";
import type { PatternRecord } from "./pattern-view";

/** uuid v5 namespace of pattern occurrences (fixed forever: lesson ids derive from it). */
const OCCURRENCE_NAMESPACE = "8a0f4f7e-3c1b-5d2a-9e61-2f4b7c9d0a13";

/** A pattern's lesson for one local date always has the same id, so materialising twice creates nothing twice. */
export const occurrenceLessonId = (patternId: string, date: LocalDate) => uuidv5(`${patternId}/${date}`, OCCURRENCE_NAMESPACE);

/** The lesson a pattern makes on a local date, at its local start time in the studio's time zone. */
export function occurrenceLesson(
  pattern: PatternRecord,
  parties: Pick<LessonParties, "studentIds">,
  date: LocalDate,
  context: { timeZone: string; actorId: string; now: Date },
): LessonRecord {
  const { start, end } = occurrenceInstants(date, pattern.startTime, pattern.durationMinutes, context.timeZone);
  const at = context.now.toISOString();
  return {
    studioId: pattern.studioId,
    lessonId: occurrenceLessonId(pattern.patternId, date),
    teacherId: pattern.teacherId,
    ...(pattern.studentId ? { studentId: pattern.studentId } : { bandId: pattern.bandId }),
    studentIds: parties.studentIds,
    type: pattern.type,
    status: "scheduled",
    scheduledStart: start,
    scheduledEnd: end,
    ...(pattern.title ? { title: pattern.title } : {}),
    ...(pattern.location ? { location: pattern.location } : {}),
    ...(pattern.roomName ? { roomName: pattern.roomName } : {}),
    roomKey: roomKeyOf(pattern.roomName),
    ...(pattern.onlineUrl ? { onlineUrl: pattern.onlineUrl } : {}),
    patternId: pattern.patternId,
    occurrenceDate: date,
    occurrenceStart: start,
    editedByHand: false,
    createdBy: context.actorId,
    updatedBy: context.actorId,
    createdAt: at,
    updatedAt: at,
  };
}

/** A pattern-made lesson the pattern may still replace or remove: scheduled, untouched by hand, not yet started. */
export const isUntouched = (lesson: LessonRecord, now: Date) =>
  lesson.status === "scheduled" && !lesson.editedByHand && new Date(lesson.scheduledStart).getTime() > now.getTime();

/** Lessons by id (100 per strongly consistent BatchGet, in parallel); missing ones are left out. */
export async function readLessons(studioId: string, lessonIds: string[]): Promise<LessonRecord[]> {
  const { lesson } = planningDb().entities;
  const chunks: string[][] = [];
  for (let i = 0; i < lessonIds.length; i += 100) chunks.push(lessonIds.slice(i, i + 100));
  const found = await Promise.all(chunks.map((ids) => readTogether(...ids.map((lessonId) => itemOf(lesson, { studioId, lessonId })))));
  return found.flat().filter((l): l is LessonRecord => l !== null);
}

/**
 * The items that remove an untouched lesson: the lesson (on condition nobody changed it since it
 * was read), its attendees and its pending reminder. Its day-schedule slots are freed by the
 * booking plan (`remove`).
 */
export function lessonRemovalWrites(tx: PlanningTx, lesson: LessonRecord): unknown[] {
  const { studioId, lessonId } = lesson;
  return [
    tx.lesson
      .delete({ studioId, lessonId })
      .where((a, op) => op.eq(a.updatedAt, lesson.updatedAt))
      .commit(),
    ...[...new Set(lesson.studentIds)].map((studentId) => tx.lessonAttendee.delete({ studioId, lessonId, studentId }).commit()),
    ...(lesson.reminderHour ? [tx.reminderDue.delete({ hour: lesson.reminderHour, studioId, lessonId }).commit()] : []),
  ];
}

/** How many transaction items lessonRemovalWrites adds. */
export const removalItemCount = (lesson: LessonRecord) => 1 + new Set(lesson.studentIds).size + (lesson.reminderHour ? 1 : 0);
