import { minutesOf, type LocalTime } from "../../kernel/time/wall-clock";

/** One range of a teacher's working week, local to the studio's time zone. */
export interface WorkingRange {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: LocalTime;
  /** Exclusive; "24:00" is the end of the day. */
  end: LocalTime;
}

/** A week holds at most three ranges a day. */
export const MAX_WEEKLY_RANGES = 21;

/** Minutes since local midnight of a range's end ("24:00" → 1440). */
export const endMinutesOf = (end: LocalTime) => (end === "24:00" ? 24 * 60 : minutesOf(end));

/** The ranges by weekday, then start. */
export const sortedHours = <T extends WorkingRange>(hours: readonly T[]): T[] =>
  [...hours].sort((a, b) => a.weekday - b.weekday || minutesOf(a.start) - minutesOf(b.start));

export interface HoursProblem {
  /** Position of the range in the list as given. */
  index: number;
  field: "start" | "end";
  message: string;
}

/**
 * What is wrong with a week's ranges: an end not after its start, or a range overlapping an
 * earlier one of the same weekday (ranges that only touch, 09:00–12:00 and 12:00–15:00, are fine).
 */
export function hoursProblems(hours: readonly WorkingRange[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  const valid: Array<WorkingRange & { index: number }> = [];
  hours.forEach((range, index) => {
    if (endMinutesOf(range.end) <= minutesOf(range.start)) problems.push({ index, field: "end", message: "must be after start" });
    else valid.push({ ...range, index });
  });
  const sorted = sortedHours(valid);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const range = sorted[i]!;
    if (range.weekday === previous.weekday && minutesOf(range.start) < endMinutesOf(previous.end)) {
      problems.push({ index: range.index, field: "start", message: `overlaps ${previous.start}–${previous.end} on the same weekday` });
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}
