import { AppError, conflict, type FieldError } from "../../kernel/errors";
import { roomKeyOf } from "../bookings/booking-slot";
import { durationMinutes, type LessonRecord } from "./lesson-view";
import { EARLY_START_MINUTES, mayMoveStatus } from "./lesson-transitions";
import type { UpdateLessonInput } from "./update-schema";

const MINUTE = 60_000;
const BOOKING_FIELDS = ["scheduledStart", "scheduledEnd", "durationMinutes", "roomName", "substituteTeacherId"] as const;
const DETAIL_FIELDS = ["type", "title", "location", "onlineUrl"] as const;

const invalid = (errors: FieldError[]) => new AppError("validation_failed", "The request has invalid fields", { errors });

function setOrClear<K extends "title" | "location" | "roomName" | "onlineUrl">(lesson: LessonRecord, key: K, value: string | null | undefined) {
  if (value === undefined) return;
  if (value === null) delete lesson[key];
  else lesson[key] = value;
}

/**
 * A lesson with a PATCH applied, checked against its state (pure; the caller books and stores it):
 * - cancelled: nothing changes; completed: only its actual times; no-show: nothing;
 * - only a scheduled lesson moves, changes room or gets a substitute, and only to a start in the future;
 * - status moves along STATUS_EDGES, and a lesson cannot start, end or be missed before it began
 *   (starting up to 15 minutes early is fine); starting it records `actualStart` (now) and
 *   finishing a lesson in progress `actualEnd`, unless given;
 * - actual times belong to a lesson in progress (start) or completed (start and end), not in the future.
 * A pattern-made lesson changed here is marked `editedByHand`, so pattern edits leave it alone.
 */
export function applyLessonUpdate(current: LessonRecord, input: UpdateLessonInput, now: Date): LessonRecord {
  const given = (keys: readonly (keyof UpdateLessonInput)[]) => keys.filter((k) => input[k] !== undefined);
  const status = current.status;
  if (status === "cancelled") throw conflict("lesson.cancelled", "A cancelled lesson cannot be changed; book a new one instead", "status");
  if (given(BOOKING_FIELDS).length > 0 && status !== "scheduled") {
    throw conflict("lesson.locked", `A lesson that is ${status.replace("_", " ")} can no longer be moved, change room or teacher`, given(BOOKING_FIELDS)[0]);
  }
  if (given(DETAIL_FIELDS).length > 0 && status !== "scheduled" && status !== "in_progress") {
    throw conflict("lesson.locked", `A lesson that is ${status.replace("_", " ")} can no longer be changed (only its actual times)`, given(DETAIL_FIELDS)[0]);
  }

  const next: LessonRecord = structuredClone(current);
  moveTimes(next, current, input, now);
  if (input.roomName !== undefined) {
    setOrClear(next, "roomName", input.roomName);
    next.roomKey = roomKeyOf(input.roomName);
  }
  setOrClear(next, "title", input.title);
  setOrClear(next, "location", input.location);
  setOrClear(next, "onlineUrl", input.onlineUrl);
  if (input.type !== undefined) {
    if (input.type === "private" && !next.studentId) throw invalid([{ path: "type", message: "a band lesson is group, ensemble or online" }]);
    next.type = input.type;
  }
  if (input.substituteTeacherId !== undefined) substitute(next, input.substituteTeacherId);
  changeStatus(next, current, input, now);
  actualTimes(next, input, now);
  if (next.patternId) next.editedByHand = true;
  return next;
}

function moveTimes(next: LessonRecord, current: LessonRecord, input: UpdateLessonInput, now: Date) {
  if (input.scheduledStart === undefined && input.scheduledEnd === undefined && input.durationMinutes === undefined) return;
  const start = input.scheduledStart ?? current.scheduledStart;
  const minutes = input.durationMinutes ?? (input.scheduledEnd ? undefined : durationMinutes(current));
  const end = input.scheduledEnd ?? new Date(Date.parse(start) + minutes! * MINUTE).toISOString();
  const length = (Date.parse(end) - Date.parse(start)) / MINUTE;
  const errors: FieldError[] = [];
  if (Date.parse(start) <= now.getTime()) errors.push({ path: "scheduledStart", message: "must be in the future" });
  if (length < 5) errors.push({ path: "scheduledEnd", message: "must be at least 5 minutes after scheduledStart" });
  if (length > 480) errors.push({ path: "scheduledEnd", message: "must be at most 8 hours after scheduledStart" });
  if (errors.length) throw invalid(errors);
  next.scheduledStart = start;
  next.scheduledEnd = end;
}

/** Hands the lesson to a substitute, keeping its own teacher as `originalTeacherId`; null (or its own teacher) gives it back. */
function substitute(next: LessonRecord, teacherId: string | null) {
  const own = next.originalTeacherId ?? next.teacherId;
  if (teacherId === null || teacherId === own) {
    next.teacherId = own;
    delete next.originalTeacherId;
  } else {
    next.teacherId = teacherId;
    next.originalTeacherId = own;
  }
}

function changeStatus(next: LessonRecord, current: LessonRecord, input: UpdateLessonInput, now: Date) {
  const to = input.status;
  if (to === undefined || to === current.status) return;
  if (!mayMoveStatus(current.status, to)) throw conflict("lesson.status_not_allowed", `A lesson cannot go from ${current.status} to ${to}`, "status");
  const startsAt = Date.parse(current.scheduledStart);
  if (startsAt - EARLY_START_MINUTES * MINUTE > now.getTime()) {
    throw conflict(
      "lesson.not_started",
      `The lesson has not started yet (it starts at ${current.scheduledStart}); it cannot be ${to.replace("_", " ")}`,
      "status",
    );
  }
  next.status = to;
  if (to === "in_progress" && input.actualStart === undefined && !next.actualStart) next.actualStart = now.toISOString();
  if (to === "completed" && current.status === "in_progress" && input.actualEnd === undefined && !next.actualEnd) next.actualEnd = now.toISOString();
}

function actualTimes(next: LessonRecord, input: UpdateLessonInput, now: Date) {
  const errors: FieldError[] = [];
  const latest = now.getTime() + MINUTE;
  for (const key of ["actualStart", "actualEnd"] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null) {
      delete next[key];
      continue;
    }
    const allowed = key === "actualStart" ? ["in_progress", "completed"] : ["completed"];
    if (!allowed.includes(next.status)) errors.push({ path: key, message: `only a lesson that is ${allowed.join(" or ").replace("_", " ")} has an ${key}` });
    else if (Date.parse(value) > latest) errors.push({ path: key, message: "must not be in the future" });
    else next[key] = value;
  }
  if (next.actualStart && next.actualEnd && next.actualEnd <= next.actualStart) errors.push({ path: "actualEnd", message: "must be after actualStart" });
  if (errors.length) throw invalid(errors);
}
