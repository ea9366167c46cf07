import { AppError, isServiceUnavailable, serviceUnavailable, type ErrorCode, type FieldError, type ScheduleConflict } from "@studiosync/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProblemCode } from "./problem-codes";

/** The one place that maps core error categories to HTTP statuses (a reason answers its category's). */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  email_not_verified: 403,
  invalid_token: 400,
  gone: 410,
  payload_too_large: 413,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  410: "Gone",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Validation failed",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: AnyProblemCode;
  requestId?: string;
  errors?: FieldError[];
  /** A 409 from scheduling: the bookings in the way. */
  conflicts?: ScheduleConflict[];
}

/** A problem's code; `http_<status>` only for an HTTP error the framework raised that has no code of its own. */
type AnyProblemCode = ProblemCode | `http_${number}`;

export const problemType = (code: AnyProblemCode) => `urn:studiosync:problem:${code}`;

/** RFC 9457 problem details. */
export function problem(c: Context, status: ContentfulStatusCode, code: AnyProblemCode, detail: string, errors?: FieldError[], conflicts?: ScheduleConflict[]) {
  const body: Problem = {
    type: problemType(code),
    title: TITLES[status] ?? "Error",
    status,
    detail,
    code,
    requestId: c.get("requestId"),
    ...(errors?.length ? { errors } : {}),
    ...(conflicts?.length ? { conflicts } : {}),
  };
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/problem+json" });
}

/** Turns any thrown error into a problem response; unknown errors are logged and never described. */
export function errorToProblem(error: Error, c: Context): Response {
  if (!(error instanceof AppError) && isServiceUnavailable(error)) {
    console.warn(JSON.stringify({ level: "warn", requestId: c.get("requestId"), message: `service unavailable: ${error.message}` }));
    return errorToProblem(serviceUnavailable(), c);
  }
  if (error instanceof AppError) {
    if (error.details.retryAfterSeconds) c.header("Retry-After", String(error.details.retryAfterSeconds));
    if (error.code === "unauthenticated") c.header("WWW-Authenticate", 'Bearer realm="studiosync"');
    return problem(c, STATUS[error.code], error.reason, error.message, error.details.errors, error.details.conflicts);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code: AnyProblemCode = status === 400 ? "malformed_request" : status === 413 ? "payload_too_large" : `http_${status}`;
    return problem(c, status, code, error.message || TITLES[status] || "Request failed");
  }
  console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), message: error.message, stack: error.stack }));
  return problem(c, 500, "internal_error", `Something went wrong on our side. Quote request id ${c.get("requestId")} if you contact support.`);
}
