import { AppError, conflict, type FieldError } from "../../kernel/errors";
import type { StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { slotFit } from "../free-slots/slot-fit";
import type { MakeupCreditRecord } from "./credit-view";
import type { BookMakeupInput } from "./schemas";

/** Where a lesson happens: set by the studio's staff, never by a family spending a credit. */
const STAFF_FIELDS = ["roomName", "location", "onlineUrl"] as const;

/** A student or parent spending a credit themselves (staff — admins, teachers — book freely). */
export const isSelfService = (member: StudioMember) => member.role === "student" || member.role === "parent";

/**
 * What a family may not choose when spending a credit (one 422 naming every field): another
 * teacher than the credit's (the teacher of the cancelled lesson), a lesson longer than the
 * credit's length, or the room, place or online link.
 */
export function assertSelfServiceChoices(credit: MakeupCreditRecord, input: BookMakeupInput): void {
  const errors: FieldError[] = [];
  if (input.teacherId !== undefined && input.teacherId !== credit.teacherId) {
    errors.push({ path: "teacherId", message: "must be the credit's teacher (the teacher of the cancelled lesson); ask the studio to book another teacher" });
  }
  if (input.durationMinutes !== undefined && input.durationMinutes > credit.durationMinutes) {
    errors.push({ path: "durationMinutes", message: `must be at most ${credit.durationMinutes}, the length of the cancelled lesson` });
  }
  for (const field of STAFF_FIELDS) {
    if (input[field] !== undefined) errors.push({ path: field, message: "is set by the studio's staff, not when spending a make-up credit" });
  }
  if (errors.length > 0) throw new AppError("validation_failed", "The request has invalid fields", { errors });
}

/**
 * A family's make-up must be one of the teacher's free slots (the free-slot search): outside the
 * teacher's working hours is a 422 on `scheduledStart`; inside them but not free is a 409. Returns
 * whether it was free, for the caller to let the booking engine name the lesson in the way first.
 */
export async function checkSelfServiceSlot(
  studioId: string,
  studio: StudioRecord,
  lesson: { teacherId: string; studentId: string; scheduledStart: string; durationMinutes: number },
): Promise<"free" | "taken"> {
  const fit = await slotFit(studioId, studio, {
    teacherId: lesson.teacherId,
    studentId: lesson.studentId,
    start: lesson.scheduledStart,
    durationMinutes: lesson.durationMinutes,
  });
  if (fit === "outside_hours") {
    throw new AppError("validation_failed", "The request has invalid fields", {
      errors: [{ path: "scheduledStart", message: "is outside the teacher's working hours: pick one of their free slots (GET /free-slots)" }],
    });
  }
  return fit;
}

/** The 409 for a make-up inside the teacher's hours that is not one of their free slots. */
export const notFreeSlot = () =>
  conflict(
    "makeup.slot_taken",
    "The teacher or the student is not free then (another lesson, or the teacher's buffer around one): pick one of the teacher's free slots",
    "scheduledStart",
  );
