import { AppError, type ScheduleConflict } from "../../kernel/errors";
import {
  closureOn,
  dayKeyString,
  planBookings,
  reminderHourOf,
  resourcesOf,
  slotOf,
  utcDays,
  type BookingPlan,
  type BookingSlot,
  type ClosureSpan,
  type LessonParties,
  type SchedulingSettings,
} from "../../scheduling";
import type { LessonRecord } from "../../scheduling/module";
import type { LocalDate } from "../../kernel/time/wall-clock";
import { isUntouched, occurrenceLesson, occurrenceLessonId, readLessons, removalItemCount } from "./pattern-lessons";
import type { PatternRecord, SkippedOccurrence } from "./pattern-view";

/**
 * Planning a pattern's occurrences for some dates: what to create and remove, what to skip and
 * why, the booking plan, and how many transaction items it all takes (materialise-occurrences.ts
 * commits it).
 */

/** DynamoDB's limit of items in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/** The occurrences of a pattern to create as lessons. */
export interface Additions {
  pattern: PatternRecord;
  parties: LessonParties;
  dates: LocalDate[];
  closures: ClosureSpan[];
}

/** The occurrences of an ending pattern whose untouched lessons are removed. */
export interface Removals {
  pattern: PatternRecord;
  dates: LocalDate[];
}

export interface OccurrenceWork {
  studioId: string;
  timeZone: string;
  settings: SchedulingSettings;
  now: Date;
  actorId: string;
  add?: Additions;
  remove?: Removals;
  /** "throw": an occurrence that conflicts is a 409 naming the lesson and the date (nothing written); "skip": it is recorded in `skipped`. */
  onConflict: "throw" | "skip";
  /** Re-read the lessons to create by id and leave out those already there (set when another writer may have made them). */
  checkExisting?: boolean;
}

export interface Prepared {
  dates: LocalDate[];
  creates: LessonRecord[];
  removals: LessonRecord[];
  skipped: SkippedOccurrence[];
  plan: BookingPlan;
  /** Lesson items + day-schedule items. */
  itemCount: number;
}

const WHO: Record<ScheduleConflict["resource"], string> = { teacher: "the teacher", student: "a student", room: "the room" };

/** The 409 for an occurrence that cannot be booked, naming the lesson in the way and the date. */
function occurrenceConflict(date: LocalDate, conflict: ScheduleConflict): AppError {
  const message = `The occurrence on ${date} conflicts: ${WHO[conflict.resource]} is already booked then by lesson ${conflict.lessonId} (${conflict.start} – ${conflict.end})`;
  return new AppError("pattern.double_booked", message, { errors: [{ path: "startDate", message }], conflicts: [conflict] });
}

const lessonItemCount = (lesson: LessonRecord, work: OccurrenceWork) =>
  1 + new Set(lesson.studentIds).size + (reminderHourOf(lesson, work.settings.reminderLeadHours, work.now) ? 1 : 0);

/** The day-schedule items a set of slots can touch (mirrors planBookings: adds with their buffers). */
function dayItemCount(adds: BookingSlot[], removes: BookingSlot[]): number {
  const keys = new Set<string>();
  const collect = (slot: BookingSlot, withBuffer: boolean) => {
    for (const { resourceType, resourceId, bufferMinutes } of resourcesOf(slot)) {
      const pad = (withBuffer ? bufferMinutes : 0) * 60_000;
      for (const day of utcDays(new Date(slot.start).getTime() - pad, new Date(slot.end).getTime() + pad))
        keys.add(dayKeyString({ resourceType, resourceId, day }));
    }
  };
  adds.forEach((s) => collect(s, true));
  removes.forEach((s) => collect(s, false));
  return keys.size;
}

/**
 * Reads what the dates need and plans them: the ending pattern's lessons on those dates (removed
 * when untouched; kept ones also keep their date from the new pattern), the new lessons (closures
 * skipped), and the day schedules with every slot checked.
 */
export async function prepare(work: OccurrenceWork, dates: LocalDate[], onConflict: "throw" | "skip", checkExisting: boolean): Promise<Prepared> {
  const inChunk = new Set(dates);
  const skipped: SkippedOccurrence[] = [];
  const removals: LessonRecord[] = [];
  const kept = new Map<LocalDate, string>();
  if (work.remove) {
    const ids = work.remove.dates.filter((d) => inChunk.has(d)).map((d) => occurrenceLessonId(work.remove!.pattern.patternId, d));
    for (const lesson of await readLessons(work.studioId, ids)) {
      if (isUntouched(lesson, work.now)) removals.push(lesson);
      else kept.set(lesson.occurrenceDate!, lesson.lessonId);
    }
  }

  let creates: LessonRecord[] = [];
  const add = work.add;
  if (add) {
    for (const date of add.dates.filter((d) => inChunk.has(d))) {
      const closure = closureOn(add.closures, date);
      const keptId = kept.get(date);
      if (closure) skipped.push({ date, reason: `closed: ${closure.reason} (${closure.startDate} – ${closure.endDate})` });
      else if (keptId)
        skipped.push({ date, reason: "kept: the earlier pattern's lesson on this date was edited by hand or has started", conflictingLessonId: keptId });
      else creates.push(occurrenceLesson(add.pattern, add.parties, date, work));
    }
    if (checkExisting && creates.length > 0) {
      const existing = new Set(
        (
          await readLessons(
            work.studioId,
            creates.map((l) => l.lessonId),
          )
        ).map((l) => l.lessonId),
      );
      creates = creates.filter((l) => !existing.has(l.lessonId));
    }
  }

  const buffer = add?.parties.teacher.bookingBufferMinutes ?? 0;
  const addSlots = creates.map((l) => slotOf(l, buffer));
  const removeSlots = removals.map((l) => slotOf(l, 0));
  const { plan, skipped: taken } = await planBookings(work.studioId, { add: addSlots, remove: removeSlots }, { onConflict: "skip" });
  if (taken.length > 0) {
    const dateOf = new Map(creates.map((l) => [l.lessonId, l.occurrenceDate!]));
    if (onConflict === "throw") throw occurrenceConflict(dateOf.get(taken[0]!.slot.lessonId)!, taken[0]!.conflict);
    const refused = new Set(taken.map((t) => t.slot.lessonId));
    for (const { slot, conflict } of taken) {
      skipped.push({
        date: dateOf.get(slot.lessonId)!,
        reason: `conflict: ${WHO[conflict.resource]} is already booked then (lesson ${conflict.lessonId})`,
        conflictingLessonId: conflict.lessonId,
      });
    }
    creates = creates.filter((l) => !refused.has(l.lessonId));
  }
  skipped.sort((a, b) => a.date.localeCompare(b.date));
  const itemCount = creates.reduce((n, l) => n + lessonItemCount(l, work), 0) + removals.reduce((n, l) => n + removalItemCount(l), 0) + plan.itemCount;
  return { dates, creates, removals, skipped, plan, itemCount };
}

/**
 * Groups dates (oldest first) into chunks whose items fit one transaction next to `fixedItems`
 * of the caller's own. A date's removal and creation stay in one chunk (they share day schedules).
 */
export function chunkDates(prepared: Prepared, work: OccurrenceWork, fixedItems: number): LocalDate[][] {
  const budget = MAX_TRANSACTION_ITEMS - fixedItems;
  const buffer = work.add?.parties.teacher.bookingBufferMinutes ?? 0;
  const chunks: LocalDate[][] = [];
  let current: LocalDate[] = [];
  let adds: BookingSlot[] = [];
  let removes: BookingSlot[] = [];
  let lessonItems = 0;
  for (const date of prepared.dates) {
    const create = prepared.creates.filter((l) => l.occurrenceDate === date);
    const removal = prepared.removals.filter((l) => l.occurrenceDate === date);
    const nextAdds = [...adds, ...create.map((l) => slotOf(l, buffer))];
    const nextRemoves = [...removes, ...removal.map((l) => slotOf(l, 0))];
    const nextLessonItems = lessonItems + create.reduce((n, l) => n + lessonItemCount(l, work), 0) + removal.reduce((n, l) => n + removalItemCount(l), 0);
    if (current.length > 0 && nextLessonItems + dayItemCount(nextAdds, nextRemoves) > budget) {
      chunks.push(current);
      current = [];
      adds = create.map((l) => slotOf(l, buffer));
      removes = removal.map((l) => slotOf(l, 0));
      lessonItems = nextLessonItems - lessonItems;
    } else {
      adds = nextAdds;
      removes = nextRemoves;
      lessonItems = nextLessonItems;
    }
    current.push(date);
  }
  chunks.push(current);
  return chunks;
}
