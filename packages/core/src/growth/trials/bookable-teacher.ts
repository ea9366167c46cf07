import { AppError, notFound, type FieldError } from "../../kernel/errors";
import type { TeacherRecord } from "../../people/module";
import { isListedTeacher } from "../../scheduling";
import type { BookingSettings } from "../settings/defaults";

/** A teacher the public page shows: listed, active and public; anyone else is "not found" to visitors. */
export function publicTeacherOr404(teacher: TeacherRecord | null | undefined): TeacherRecord {
  if (!isListedTeacher(teacher) || teacher.isActive === false || teacher.isPublic !== true) throw notFound("Teacher");
  return teacher;
}

/** Why a trial of this length cannot be booked with this teacher, if it cannot (422 on the field). */
export function trialProblems(teacher: TeacherRecord, settings: BookingSettings, durationMinutes: number): FieldError[] {
  if (!settings.trialsEnabled) return [{ path: "teacherId", message: "this studio does not take trial bookings online" }];
  if (teacher.isAcceptingStudents === false) return [{ path: "teacherId", message: "is not taking new students" }];
  if (!settings.trialLengths.includes(durationMinutes)) {
    return [{ path: "durationMinutes", message: `must be one of ${settings.trialLengths.join(", ")}` }];
  }
  return [];
}

export function assertTrialBookable(teacher: TeacherRecord, settings: BookingSettings, durationMinutes: number) {
  const errors = trialProblems(teacher, settings, durationMinutes);
  if (errors.length > 0) throw new AppError("validation_failed", "The request has invalid fields", { errors });
}
