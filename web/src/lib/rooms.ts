import { addDays, localParts, minutesOf, timeOf, weekdayOf, zonedInstant } from "@studiosync/core/kernel";
import { isLocalDate } from "./calendar";
import { field } from "./form";
import { moneyToInput, parseMoney } from "./money-input";
import { fieldErrors, problemCode, type FieldErrors, type Problem } from "./problem";
import { hoursErrors, hoursFromForm, hoursSummary, hoursToValues, weekLabels, type WorkingRange } from "./weekly-hours";

/**
 * The studio's rooms on the site: the room form (name, capacity, hourly rate, equipment, who may
 * reserve it, opening hours) ↔ the API's body, the reservation form, a room's week (what holds it,
 * and the free times inside its opening hours), the cost of a reservation, and the room select of
 * the lesson forms (a lesson names its room; a room's name books that room).
 */
export type BookableBy = "staff" | "students";

export interface RoomLike {
  id: string;
  name: string;
  capacity: number | null;
  hourlyRateMinor: number | null;
  currency: string;
  equipment: string[];
  description: string | null;
  bookableBy: BookableBy;
  openingHours: WorkingRange[];
}

export interface RoomBooking {
  kind: "lesson" | "reservation";
  /** "" where the viewer may not know it (a household looking at others' bookings). */
  id: string;
  start: string;
  end: string;
  title: string;
}

export const roomHref = (base: string, roomId?: string, extra = "") => `${base}/scheduling/rooms${roomId ? `/${encodeURIComponent(roomId)}` : ""}${extra}`;
export const portalRoomHref = (portalBase: string, roomId?: string) => `${portalBase}/rooms${roomId ? `/${encodeURIComponent(roomId)}` : ""}`;

export const BOOKABLE_OPTIONS: readonly { value: BookableBy; label: string }[] = [
  { value: "staff", label: "Staff only: lessons and the studio's own use" },
  { value: "students", label: "Students and families too: a practice room they reserve in the portal" },
];

/** Who may reserve a room, in words. */
export const bookableWords = (bookableBy: BookableBy) => (bookableBy === "students" ? "Staff, students and families" : "Staff only");

/** "4 people", "1 person"; "" when unset. */
export const capacityWords = (capacity: number | null) => (capacity ? `${capacity} ${capacity === 1 ? "person" : "people"}` : "");

/** "30 min", "1 h", "1 h 30 min". */
export function lengthWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** What a reservation for a student costs: the hourly rate pro rata, rounded half up (as the API charges it). */
export const reservationCostMinor = (hourlyRateMinor: number | null, minutes: number) =>
  hourlyRateMinor ? Math.floor((hourlyRateMinor * minutes * 2 + 60) / 120) : 0;

type Money = (minor: number, currency?: string) => string;

/** "£12.50 an hour", or "Free" for a room without a rate. */
export const rateWords = (money: Money, room: Pick<RoomLike, "hourlyRateMinor" | "currency">) =>
  room.hourlyRateMinor ? `${money(room.hourlyRateMinor, room.currency)} an hour` : "Free";

/** "£12.50 for 1 h, added to your next invoice", or "Free: no charge" when it costs nothing. */
export const costSentence = (money: Money, costMinor: number, minutes: number, currency: string) =>
  costMinor > 0 ? `${money(costMinor, currency)} for ${lengthWords(minutes)}, added to your next invoice` : `Free: no charge for ${lengthWords(minutes)}`;

/** The room form's labels, by field name (the error summary links to each). */
export function roomLabels(): Record<string, string> {
  const labels = {
    name: "Name",
    capacity: "Capacity",
    hourlyRateMinor: "Hourly rate",
    equipment: "Equipment",
    description: "Description",
    bookableBy: "Who may reserve it",
  };
  return { ...labels, ...weekLabels() };
}

export interface RoomValues {
  name: string;
  capacity: string;
  hourlyRateMinor: string;
  equipment: string;
  description: string;
  bookableBy: string;
  hours: Record<string, string>;
}

export const emptyRoom = (): RoomValues => ({ name: "", capacity: "", hourlyRateMinor: "", equipment: "", description: "", bookableBy: "staff", hours: {} });

export const roomToValues = (room: RoomLike): RoomValues => ({
  name: room.name,
  capacity: room.capacity === null ? "" : String(room.capacity),
  hourlyRateMinor: room.hourlyRateMinor === null ? "" : moneyToInput(room.hourlyRateMinor, room.currency),
  equipment: room.equipment.join(", "),
  description: room.description ?? "",
  bookableBy: room.bookableBy,
  hours: hoursToValues(room.openingHours),
});

/** "Piano, music stand\nMetronome" → ["Piano", "Music stand"…]: one per line or comma, blanks and repeats (any case) dropped. */
export function splitEquipment(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of text.split(/[\n,;]/)) {
    const trimmed = item.trim().replace(/\s+/g, " ");
    const key = trimmed.toLowerCase();
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

/**
 * Reads the room form: the body for POST or PATCH (a blank capacity, rate or description is
 * `null`, which clears it on PATCH), the errors the form itself can tell, and the form row of each
 * opening range (to put the API's `openingHours.<i>` errors under the right inputs).
 */
export function readRoomForm(form: FormData, currency: string) {
  const week = hoursFromForm(form);
  const values: RoomValues = {
    name: field(form, "name"),
    capacity: field(form, "capacity"),
    hourlyRateMinor: field(form, "hourlyRateMinor"),
    equipment: String(form.get("equipment") ?? "").trim(),
    description: field(form, "description"),
    bookableBy: field(form, "bookableBy") === "students" ? "students" : "staff",
    hours: week.values,
  };
  const errors: FieldErrors = {};
  if (!values.name) errors.name = "Enter the room's name.";
  let capacity: number | null = null;
  if (values.capacity) {
    if (/^\d{1,4}$/.test(values.capacity) && Number(values.capacity) >= 1) capacity = Number(values.capacity);
    else errors.capacity = "Enter how many people fit, as a whole number like 4, or leave it empty.";
  }
  let rate: number | null = null;
  if (values.hourlyRateMinor) {
    const parsed = parseMoney(values.hourlyRateMinor, currency);
    if (parsed.ok) rate = parsed.value;
    else errors.hourlyRateMinor = parsed.reason;
  }
  const body = {
    name: values.name,
    capacity,
    hourlyRateMinor: rate,
    equipment: splitEquipment(values.equipment),
    description: values.description || null,
    bookableBy: values.bookableBy as BookableBy,
    openingHours: week.ranges,
  };
  return { values, errors, body, hourFields: week.fields };
}

/** The API's errors for the room form under its fields (`openingHours.<i>.end` → that row's "until"; `equipment.<i>` → equipment). */
export function roomFormErrors(problem: Problem, hourFields: { start: string; end: string }[]): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrors(problem))) {
    if (path.startsWith("openingHours.")) renamed[path.replace(/^openingHours\./, "weeklyHours.")] = message;
    else if (path.startsWith("equipment")) renamed.equipment ??= `Each item ${message}`;
    else renamed[path] = message;
  }
  return hoursErrors(renamed, hourFields);
}

/** Reservation lengths offered, in minutes. */
export const RESERVE_LENGTHS = [30, 45, 60, 90, 120, 180] as const;

export interface ReserveValues {
  date: string;
  time: string;
  durationMinutes: string;
  /** "" = for the studio (staff only). */
  studentId: string;
  notes: string;
}

export const RESERVE_LABELS: Record<string, string> = { date: "Date", time: "Start time", durationMinutes: "Length", studentId: "For", notes: "Notes" };

export const reserveDefaults = (date: string, studentId = ""): ReserveValues => ({ date, time: "16:00", durationMinutes: "60", studentId, notes: "" });

export const reserveValues = (form: FormData): ReserveValues => ({
  date: field(form, "date"),
  time: field(form, "time"),
  durationMinutes: field(form, "durationMinutes"),
  studentId: field(form, "studentId"),
  notes: field(form, "notes"),
});

/** What to send for a reservation (the slot on the studio's wall clock as an instant), or the fields the form can tell are wrong. */
export function reserveRequest(v: ReserveValues, timeZone: string, options: { studentRequired?: boolean } = {}) {
  const errors: FieldErrors = {};
  if (!isLocalDate(v.date)) errors.date = "Enter a date.";
  if (!/^\d{2}:\d{2}$/.test(v.time)) errors.time = "Enter a start time, like 16:00.";
  const minutes = Number(v.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60) errors.durationMinutes = "Choose how long you need the room.";
  if (options.studentRequired && !v.studentId) errors.studentId = "Choose who the room is for.";
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      start: zonedInstant(v.date, v.time, timeZone).toISOString(),
      durationMinutes: minutes,
      ...(v.studentId ? { studentId: v.studentId } : {}),
      ...(v.notes ? { notes: v.notes } : {}),
    },
  };
}

const RESERVE_FIELD: Record<string, keyof ReserveValues> = {
  start: "time",
  end: "durationMinutes",
  durationMinutes: "durationMinutes",
  studentId: "studentId",
  notes: "notes",
  scheduledStart: "date",
};

/** A refused reservation's errors under the form's fields, in the site's words where the API's are not for people. */
export function reserveErrors(problem: Problem, openingHours: WorkingRange[]): FieldErrors {
  const code = problemCode(problem);
  if (code === "reservation.past") return { date: "Choose a time that is still to come." };
  if (code === "reservation.outside_hours")
    return { time: `The room is closed then. It is open ${hoursSummary(openingHours)}, and a reservation must fit inside one of those times.` };
  if (code === "lesson.studio_closed") return { date: problem.detail ?? "The studio is closed that day." };
  return Object.fromEntries(Object.entries(fieldErrors(problem)).map(([path, message]) => [RESERVE_FIELD[path] ?? path, message]));
}

/** The booking in the way of a refused reservation or lesson, named from the room's bookings when the viewer may see it. */
export function conflictBooking(conflict: { lessonId: string; start: string; end: string }, bookings: readonly RoomBooking[]) {
  const known = conflict.lessonId ? bookings.find((b) => b.id === conflict.lessonId) : undefined;
  return { kind: known?.kind, title: known && known.title !== "Taken" ? known.title : undefined, start: conflict.start, end: conflict.end, id: known?.id };
}

export interface RoomDay {
  /** The local date. */
  date: string;
  /** The room's opening ranges this weekday; null: the room has no hours (open whenever the studio is). */
  open: { start: string; end: string }[] | null;
  /** What holds the room this day, with local times clipped to the day. */
  busy: (RoomBooking & { from: string; to: string })[];
  /** Free stretches inside the opening ranges (none when the room has no hours), at least 15 minutes long, from now on. */
  free: { start: string; end: string }[];
}

const MIN_FREE = 15;

/**
 * A room's days from `from` (local dates, studio zone): its opening ranges, the bookings that
 * overlap each day, and the free times left inside the opening ranges (today: from the next
 * quarter hour on).
 */
export function roomDays(
  days: readonly string[],
  openingHours: readonly WorkingRange[],
  bookings: readonly RoomBooking[],
  timeZone: string,
  now = new Date(),
): RoomDay[] {
  const nowParts = localParts(now, timeZone);
  return days.map((date) => {
    const dayStart = zonedInstant(date, "00:00", timeZone).getTime();
    const dayEnd = zonedInstant(addDays(date, 1), "00:00", timeZone).getTime();
    const busy = bookings
      .filter((b) => Date.parse(b.start) < dayEnd && Date.parse(b.end) > dayStart)
      .map((b) => ({
        ...b,
        from: Date.parse(b.start) <= dayStart ? "00:00" : localParts(b.start, timeZone).time,
        to: Date.parse(b.end) >= dayEnd ? "24:00" : localParts(b.end, timeZone).time,
      }))
      .sort((a, b) => a.from.localeCompare(b.from));
    if (openingHours.length === 0) return { date, open: null, busy, free: [] };
    const weekday = weekdayOf(date);
    const open = openingHours
      .filter((h) => h.weekday === weekday)
      .map((h) => ({ start: h.start, end: h.end }))
      .sort((a, b) => a.start.localeCompare(b.start));
    const earliest = date < nowParts.date ? 24 * 60 : date === nowParts.date ? Math.ceil(nowParts.minuteOfDay / MIN_FREE) * MIN_FREE : 0;
    const free: { start: string; end: string }[] = [];
    for (const range of open) {
      let cursor = Math.max(minutesOf(range.start), earliest);
      const end = minutesOf(range.end);
      for (const b of busy) {
        const bFrom = minutesOf(b.from);
        const bTo = minutesOf(b.to);
        if (bTo <= cursor || bFrom >= end) continue;
        if (bFrom - cursor >= MIN_FREE) free.push({ start: timeOf(cursor), end: timeOf(bFrom) });
        cursor = Math.max(cursor, bTo);
      }
      if (end - cursor >= MIN_FREE) free.push({ start: timeOf(cursor), end: timeOf(end) });
    }
    return { date, open, busy, free };
  });
}

/** Seven local dates from `from`. */
export const weekFrom = (from: string) => Array.from({ length: 7 }, (_, i) => addDays(from, i));

/** The instants bounding local days [from, to] in the studio's zone, for the bookings route. */
export const daysWindow = (from: string, to: string, timeZone: string) => ({
  from: zonedInstant(from, "00:00", timeZone).toISOString(),
  to: zonedInstant(addDays(to, 1), "00:00", timeZone).toISOString(),
});

/** A room's booking key, as the API makes it: the name trimmed, lower-cased, spaces collapsed. */
export const roomKeyOf = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * The lesson forms' room select: "No room", then the studio's rooms by name (the value is the
 * name, which books the room). A lesson's room that matches a room in another spelling selects
 * that room; one that is no room of the list stays offered as it is, so saving changes nothing.
 */
export function roomChoices(rooms: readonly { name: string }[], current: string) {
  const match = current ? rooms.find((r) => roomKeyOf(r.name) === roomKeyOf(current)) : undefined;
  const options = [{ value: "", label: "No room" }, ...rooms.map((r) => ({ value: r.name, label: r.name }))];
  if (current && !match) options.push({ value: current, label: `${current} (not on the rooms list)` });
  return { options, selected: match?.name ?? current };
}
