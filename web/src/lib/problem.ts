/** RFC 9457 problem details, as every API error is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable error code ("email_not_verified"); also the last part of `type`. */
  code?: string;
  errors?: { path: string; message: string }[];
  /** A 409 from booking: the lessons in the way (teacher, student or room). */
  conflicts?: { lessonId: string; start: string; end: string; resource: "teacher" | "student" | "room"; resourceId: string }[];
}

/** Field path ("email", "address.city") → first message for it. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(problem: Problem | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of problem?.errors ?? []) {
    const path = e.path || "_";
    out[path] ??= e.message;
  }
  return out;
}

/** Problem types are URIs ("urn:studiosync:problem:email_not_verified"); the code is the last segment. */
export function problemCode(problem: Problem | undefined): string | undefined {
  return problem?.code ?? problem?.type.split(/[/#:]/).pop();
}

/**
 * What people read when the API refuses: its words only where they are written for people (a
 * conflict, an unusable link, a permission rule), plain sentences for the rest — never the API's
 * own ("The request has invalid fields", "Validation failed"). The one helper every page uses.
 */
const PLAIN_BY_CODE: Record<string, string> = {
  validation_failed: "Some of what you entered needs fixing: see the messages below.",
  unauthenticated: "Your sign-in has ended. Please sign in again.",
  forbidden: "You don't have permission to do that.",
  not_found: "We couldn't find that. It may have been deleted or moved.",
  rate_limited: "Too many attempts in a short time. Please wait a little and try again.",
  payload_too_large: "That is too large to send. Please choose a smaller file.",
  unavailable: "We couldn't reach StudioSync just now. Please try again in a moment.",
};
/** Codes whose detail is written for people. */
const HUMAN_DETAIL = new Set(["conflict", "invalid_token", "gone", "email_not_verified", "forbidden", "payload_too_large"]);
const FALLBACK = "Something went wrong. Please try again.";

export function plainProblem(problem: Problem): string {
  const code = problemCode(problem) ?? "";
  if (HUMAN_DETAIL.has(code) && problem.detail) return problem.detail;
  return PLAIN_BY_CODE[code] ?? (problem.status >= 500 ? PLAIN_BY_CODE.unavailable! : FALLBACK);
}

/** "address.postalCode" → "Postal code"; "entries.0.status" → "Status". */
export function fieldLabel(path: string): string {
  const last = path.split(".").filter((part) => !/^\d+$/.test(part)).pop() || "This field";
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A message for the top of a form: plain words, plus field errors that have no field on the form. */
export function problemMessage(problem: Problem, knownFields: readonly string[] = []): string {
  const stray = (problem.errors ?? []).filter((e) => !knownFields.includes(e.path));
  const base = stray.length && problemCode(problem) === "validation_failed" && stray.length === (problem.errors ?? []).length
    ? "Please check what you entered."
    : plainProblem(problem);
  return stray.length ? `${base} ${stray.map((e) => `${fieldLabel(e.path)} ${e.message}.`).join(" ")}` : base;
}

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === "object" && "title" in body) {
    const p = body as Partial<Problem>;
    return { type: p.type ?? "about:blank", title: p.title ?? "Error", status: p.status ?? status, detail: p.detail, code: p.code, errors: p.errors, conflicts: p.conflicts };
  }
  return { type: "about:blank", title: FALLBACK, status };
}
