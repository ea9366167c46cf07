import type { AstroGlobal } from "astro";
import { field } from "./form";
import { asUser } from "./session";
import { problemMessage } from "./problem";

/** Attendance statuses in the order the buttons show them, with their words. */
export const ATTENDANCE = [
  { value: "present", label: "Present" },
  { value: "late", label: "Late" },
  { value: "absent", label: "Absent" },
  { value: "excused", label: "Excused" },
] as const;
export type AttendanceStatus = (typeof ATTENDANCE)[number]["value"];

export const attendanceLabel = (status: string | null) => ATTENDANCE.find((a) => a.value === status)?.label ?? "Not taken";

/** Present and late need the lesson to have started (15 minutes' grace, as the API counts). */
export const mayMarkPresent = (scheduledStart: string, now = Date.now()) => Date.parse(scheduledStart) - 15 * 60_000 <= now;

/**
 * Handles a one-click attendance form post (fields lessonId, studentId, status): the result is
 * `{ ok: true }`, `null` when signed out, or the API's refusal in plain words.
 */
export async function markAttendance(astro: AstroGlobal, studioId: string, form: FormData) {
  const lessonId = field(form, "lessonId");
  const studentId = field(form, "studentId");
  const status = field(form, "status") as AttendanceStatus;
  const result = await asUser(astro, (c) =>
    c.v1.studios[":studioId"].lessons[":lessonId"].attendance.$put({ param: { studioId, lessonId }, json: { entries: [{ studentId, status }] } }),
  );
  if (!result) return null;
  if (result.ok) return { ok: true as const, lessonId };
  return { ok: false as const, lessonId, status: result.status, message: problemMessage(result.problem) };
}
