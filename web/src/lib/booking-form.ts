import { zonedInstant } from "@studiosync/core/kernel";
import { field } from "./form";
import type { FieldErrors } from "./problem";
import { isLocalDate } from "./calendar";

/**
 * The booking form: one lesson, or a recurring pattern when "repeat" is chosen. The slot is on the
 * studio's wall clock (date + time); a single lesson is sent as the instant it happens there.
 */
export const LENGTHS = [15, 20, 30, 45, 60, 75, 90, 120] as const;
export const LESSON_TYPES = [
  { value: "private", label: "Private" },
  { value: "group", label: "Group" },
  { value: "ensemble", label: "Ensemble" },
  { value: "online", label: "Online" },
] as const;
export const REPEATS = [
  { value: "", label: "Just this once" },
  { value: "weekly", label: "Every week" },
  { value: "biweekly", label: "Every other week" },
  { value: "monthly", label: "Every month (same weekday)" },
] as const;

export interface BookingValues {
  /** "student:<id>" or "band:<id>" */
  who: string;
  teacherId: string;
  date: string;
  time: string;
  durationMinutes: string;
  type: string;
  roomName: string;
  onlineUrl: string;
  repeat: string;
  until: string;
}

export const BOOKING_LABELS: Record<string, string> = {
  who: "Student or band",
  teacherId: "Teacher",
  date: "Date",
  time: "Start time",
  durationMinutes: "Length",
  type: "Kind of lesson",
  roomName: "Room",
  onlineUrl: "Online lesson link",
  repeat: "Repeat",
  until: "Until",
};

/** The API's field names → the form's. */
const FORM_FIELD: Record<string, keyof BookingValues> = {
  studentId: "who",
  bandId: "who",
  teacherId: "teacherId",
  scheduledStart: "time",
  scheduledEnd: "durationMinutes",
  startDate: "date",
  startTime: "time",
  dayOfWeek: "date",
  durationMinutes: "durationMinutes",
  type: "type",
  roomName: "roomName",
  onlineUrl: "onlineUrl",
  frequency: "repeat",
  endDate: "until",
};

export const toFormErrors = (apiErrors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(apiErrors).map(([path, message]) => [FORM_FIELD[path] ?? path, message]));

export function bookingValues(form: FormData): BookingValues {
  const get = (name: keyof BookingValues) => field(form, name);
  return {
    who: get("who"),
    teacherId: get("teacherId"),
    date: get("date"),
    time: get("time"),
    durationMinutes: get("durationMinutes"),
    type: get("type") || "private",
    roomName: get("roomName"),
    onlineUrl: get("onlineUrl"),
    repeat: get("repeat"),
    until: get("until"),
  };
}

/** The form prefilled from the slot a calendar link carries (`start=2026-12-08T16:00&teacher=…&student=…`). */
export function prefill(url: URL, today: string): BookingValues {
  const start = url.searchParams.get("start") ?? "";
  const [date, time] = start.split("T");
  const student = url.searchParams.get("student");
  return {
    who: student ? `student:${student}` : "",
    teacherId: url.searchParams.get("teacher") ?? "",
    date: isLocalDate(date) ? date : today,
    time: /^\d{2}:\d{2}$/.test(time ?? "") ? time! : "16:00",
    durationMinutes: "30",
    type: "private",
    roomName: "",
    onlineUrl: "",
    repeat: "",
    until: "",
  };
}

export type BookingRequest =
  | { kind: "lesson"; body: Record<string, unknown> & { teacherId: string; scheduledStart: string } }
  | {
      kind: "pattern";
      body: Record<string, unknown> & {
        teacherId: string;
        frequency: "weekly" | "biweekly" | "monthly";
        startDate: string;
        startTime: string;
        durationMinutes: number;
      };
    };

/** What to send, or the fields the form itself can tell are missing. */
export function bookingRequest(v: BookingValues, timeZone: string): { request: BookingRequest } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const [kind, id] = v.who.split(":");
  if (!id || (kind !== "student" && kind !== "band")) errors.who = "Choose a student or a band";
  if (!v.teacherId) errors.teacherId = "Choose a teacher";
  if (!isLocalDate(v.date)) errors.date = "Enter a date";
  if (!/^\d{2}:\d{2}$/.test(v.time)) errors.time = "Enter a start time";
  const minutes = Number(v.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < 5) errors.durationMinutes = "Choose a length";
  if (v.until && !isLocalDate(v.until)) errors.until = "Enter a date, or leave it empty";
  if (v.until && !v.repeat) errors.until = "Choose how often it repeats, or leave this empty";
  if (Object.keys(errors).length) return { errors };

  const who = kind === "band" ? { bandId: id! } : { studentId: id! };
  const place = { ...(v.roomName ? { roomName: v.roomName } : {}), ...(v.onlineUrl ? { onlineUrl: v.onlineUrl } : {}) };
  const common = { teacherId: v.teacherId, ...who, type: v.type, durationMinutes: minutes, ...place };
  if (v.repeat === "weekly" || v.repeat === "biweekly" || v.repeat === "monthly") {
    return {
      request: {
        kind: "pattern",
        body: { ...common, frequency: v.repeat, startDate: v.date, startTime: v.time, ...(v.until ? { endDate: v.until } : {}) },
      },
    };
  }
  return { request: { kind: "lesson", body: { ...common, scheduledStart: zonedInstant(v.date, v.time, timeZone).toISOString() } } };
}
