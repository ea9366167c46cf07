import type { AstroGlobal } from "astro";
import { field } from "./form";
import { asUser } from "./session";
import { problemMessage } from "./problem";
import type { ApiResult } from "./call";

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
 * Saves one student's mark: a group class's date (`classSlotId`) through its class's route, which
 * counts the plan's classes; any other lesson through the lesson's. The API's result as it is.
 */
export async function putAttendance(
  astro: AstroGlobal,
  studioId: string,
  mark: { lessonId: string; studentId: string; status: AttendanceStatus; classSlotId?: string },
): Promise<ApiResult<unknown> | null> {
  const entries = [{ studentId: mark.studentId, status: mark.status }];
  const { lessonId, classSlotId } = mark;
  if (classSlotId)
    return asUser(astro, (c) =>
      c.v1.studios[":studioId"]["class-slots"][":slotId"].lessons[":lessonId"].attendance.$post({
        param: { studioId, slotId: classSlotId, lessonId },
        json: { entries },
      }),
    );
  return asUser(astro, (c) => c.v1.studios[":studioId"].lessons[":lessonId"].attendance.$put({ param: { studioId, lessonId }, json: { entries } }));
}

/**
 * Handles a one-click attendance form post (fields lessonId, studentId, status, and classSlotId for
 * a group class): the result is `{ ok: true }`, `null` when signed out, or the API's refusal in plain words.
 */
export async function markAttendance(astro: AstroGlobal, studioId: string, form: FormData) {
  const lessonId = field(form, "lessonId");
  const classSlotId = field(form, "classSlotId");
  const status = field(form, "status") as AttendanceStatus;
  const result = await putAttendance(astro, studioId, { lessonId, studentId: field(form, "studentId"), status, ...(classSlotId ? { classSlotId } : {}) });
  if (!result) return null;
  if (result.ok) return { ok: true as const, lessonId };
  return { ok: false as const, lessonId, status: result.status, message: problemMessage(result.problem) };
}
