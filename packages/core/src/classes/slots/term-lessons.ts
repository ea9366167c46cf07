import { v7 as uuidv7 } from "uuid";
import { invalidField } from "../../kernel/errors";
import { addDays, localParts, weekdayOf, zonedInstant, type LocalDate } from "../../kernel/time/wall-clock";
import { closureOn, roomKeyOf, type ClosureSpan, type LessonRecord } from "../../scheduling";
import { MAX_TERM_LESSONS, type CreateClassSlotInput } from "../schemas";

/**
 * The local dates of a slot's weekly classes: its weekday from the term's first day (or today, if
 * the term has begun) to its last, leaving out the studio's closures. At most MAX_TERM_LESSONS
 * (422 on termEnd beyond that), at least one (422).
 */
export function termDates(input: Pick<CreateClassSlotInput, "weekday" | "termStart" | "termEnd">, today: LocalDate, closures: ClosureSpan[]): LocalDate[] {
  const from = input.termStart > today ? input.termStart : today;
  const first = addDays(from, (input.weekday - weekdayOf(from) + 7) % 7);
  const dates: LocalDate[] = [];
  for (let date = first; date <= input.termEnd; date = addDays(date, 7)) if (!closureOn(closures, date)) dates.push(date);
  if (dates.length === 0) throw invalidField("termEnd", "the term has no class day left (after today, outside closures)");
  if (dates.length > MAX_TERM_LESSONS)
    throw invalidField(
      "termEnd",
      `a term holds at most ${MAX_TERM_LESSONS} classes (this one has ${dates.length}): end it earlier and make a second slot for the rest`,
    );
  return dates;
}

/**
 * The group lessons of a slot (each naming it), one per date at the slot's local start time in the studio's zone
 * (16:00 stays 16:00 across DST changes), lasting its duration; no students yet (admissions add them).
 */
export function termLessons(
  slot: { studioId: string; slotId: string; teacherId: string; courseName: string; roomName?: string; startTime: string; durationMinutes: number },
  dates: LocalDate[],
  timeZone: string,
  actorId: string,
  now: string,
): LessonRecord[] {
  return dates.map((date) => {
    const start = zonedInstant(date, slot.startTime, timeZone);
    return {
      studioId: slot.studioId,
      lessonId: uuidv7(),
      teacherId: slot.teacherId,
      studentIds: [],
      type: "group",
      status: "scheduled",
      title: slot.courseName,
      classSlotId: slot.slotId,
      scheduledStart: start.toISOString(),
      scheduledEnd: new Date(start.getTime() + slot.durationMinutes * 60_000).toISOString(),
      ...(slot.roomName ? { roomName: slot.roomName } : {}),
      roomKey: roomKeyOf(slot.roomName),
      occurrenceDate: localParts(start, timeZone).date,
      editedByHand: false,
      createdBy: actorId,
      updatedBy: actorId,
      createdAt: now,
      updatedAt: now,
    };
  });
}
