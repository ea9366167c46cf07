/**
 * Typed domain errors with stable codes. Core throws these; the API maps `code` to an HTTP
 * status in one place (packages/functions/src/http/problem.ts).
 */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "email_not_verified"
  | "invalid_token"
  /** A signed link that was good once and has expired. */
  | "gone"
  | "payload_too_large"
  /** A backing service (DynamoDB, S3, SES) is unreachable or throttling: 503 with Retry-After. */
  | "unavailable";

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
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; retryAfterSeconds?: number; conflicts?: ScheduleConflict[] } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const conflict = (message: string, path?: string) =>
  new AppError("conflict", message, path ? { errors: [{ path, message }] } : {});
export const invalidField = (path: string, message: string) =>
  new AppError("validation_failed", "The request has invalid fields", { errors: [{ path, message }] });
