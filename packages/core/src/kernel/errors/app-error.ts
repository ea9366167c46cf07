import { REASONS, type ErrorCode, type Reason, type ReasonOf } from "./reasons";

/**
 * Typed domain errors with stable reasons (./reasons.ts). Core throws these; the API writes the
 * reason as the problem's `code` and maps its category to an HTTP status in one place
 * (packages/functions/src/http/problem.ts).
 */
/** A booking that stands in the way of another (named in a 409). */
export interface ScheduleConflict {
  lessonId: string;
  start: string;
  end: string;
  resource: "teacher" | "student" | "room";
  resourceId: string;
}

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  /** The reason's category: the generic code its HTTP status follows from. */
  readonly code: ErrorCode;

  constructor(
    readonly reason: Reason,
    message: string,
    readonly details: { errors?: FieldError[]; retryAfterSeconds?: number; conflicts?: ScheduleConflict[] } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = REASONS[reason];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const conflict = (reason: ReasonOf<"conflict">, message: string, path?: string) =>
  new AppError(reason, message, path ? { errors: [{ path, message }] } : {});
export const invalidField = (path: string, message: string) =>
  new AppError("validation_failed", "The request has invalid fields", { errors: [{ path, message }] });
