import type { FieldErrors } from "./problem";

/** ISO weekdays, 1 = Monday … 7 = Sunday, as the API numbers them. */
export const WEEKDAYS = [
  { weekday: 1, name: "Monday", short: "Mon" },
  { weekday: 2, name: "Tuesday", short: "Tue" },
  { weekday: 3, name: "Wednesday", short: "Wed" },
  { weekday: 4, name: "Thursday", short: "Thu" },
  { weekday: 5, name: "Friday", short: "Fri" },
  { weekday: 6, name: "Saturday", short: "Sat" },
  { weekday: 7, name: "Sunday", short: "Sun" },
] as const;

/** Ranges the form offers per weekday (a split day: morning and afternoon). */
export const RANGES_PER_DAY = 2;

export interface WorkingRange {
  weekday: number;
  start: string;
  end: string;
}

/** The form's field for one end of one range: `d<weekday>-<slot>-start`. */
export const rangeField = (weekday: number, slot: number, end: "start" | "end") => `d${weekday}-${slot}-${end}`;

/** "Mon 09:00–12:00, 13:00–17:00 · Tue …" */
export function hoursSummary(hours: WorkingRange[]): string {
  if (hours.length === 0) return "No hours set";
  return WEEKDAYS.flatMap((d) => {
    const ranges = hours.filter((h) => h.weekday === d.weekday);
    return ranges.length ? [`${d.short} ${ranges.map((r) => `${r.start}–${r.end}`).join(", ")}`] : [];
  }).join(" · ");
}

/** The form's values by field name, from stored hours. */
export function hoursToValues(hours: WorkingRange[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const d of WEEKDAYS) {
    hours
      .filter((h) => h.weekday === d.weekday)
      .slice(0, RANGES_PER_DAY)
      .forEach((h, slot) => {
        values[rangeField(d.weekday, slot, "start")] = h.start;
        values[rangeField(d.weekday, slot, "end")] = h.end;
      });
  }
  return values;
}

/**
 * Reads the week from the form: every row with a start or an end is a range (a half-filled row is
 * sent as it is, so the API names the missing half). `fields[i]` is the form row of range i, to
 * put the API's errors (`weeklyHours.<i>.start`) under the right inputs.
 */
export function hoursFromForm(form: FormData) {
  const values: Record<string, string> = {};
  const ranges: WorkingRange[] = [];
  const fields: { start: string; end: string }[] = [];
  for (const d of WEEKDAYS) {
    for (let slot = 0; slot < RANGES_PER_DAY; slot++) {
      const startName = rangeField(d.weekday, slot, "start");
      const endName = rangeField(d.weekday, slot, "end");
      const start = String(form.get(startName) ?? "").trim();
      const end = String(form.get(endName) ?? "").trim();
      values[startName] = start;
      values[endName] = end;
      if (!start && !end) continue;
      ranges.push({ weekday: d.weekday, start, end });
      fields.push({ start: startName, end: endName });
    }
  }
  return { values, ranges, fields };
}

/** The API's `<list>.<i>.<start|end>` errors (`weeklyHours` by default) under the form's inputs. */
export function hoursErrors(errors: FieldErrors, fields: { start: string; end: string }[], list = "weeklyHours"): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.(start|end|weekday)$`).exec(path);
    const row = m ? fields[Number(m[1])] : undefined;
    if (row) out[m![2] === "end" ? row.end : row.start] ??= message;
    else out[path] = message;
  }
  return out;
}

/** The week's field labels for an error summary ("Monday from", "Monday (second) until"). */
export function weekLabels(): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const d of WEEKDAYS) {
    for (let s = 0; s < RANGES_PER_DAY; s++) {
      labels[rangeField(d.weekday, s, "start")] = `${d.name}${s ? " (second)" : ""} from`;
      labels[rangeField(d.weekday, s, "end")] = `${d.name}${s ? " (second)" : ""} until`;
    }
  }
  return labels;
}
