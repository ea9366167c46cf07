import { REASONS, isReason, type ErrorCode, type Reason } from "@studiosync/core/kernel";
import { REASON_WORDS } from "./problem-words";

/** RFC 9457 problem details, as every API error is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The stable reason ("validation_failed", "link.expired"); also the last part of `type`. Pages branch on it. */
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
 * A paused studio (its StudioSync invoice unpaid, or suspended) refuses every change with 403
 * `studio.paused`: that is no rule of the person's role, so a page that words a 403 as one ("Only
 * the studio's admins…") asks `refusedByRole` first, and the API's own sentence says why instead.
 */
export const isStudioPaused = (problem: Problem | undefined) => problemCode(problem) === "studio.paused";

/** A 403 for who the person is (their role, their records), not for a paused studio. */
export const refusedByRole = (result: { status: number; problem?: Problem }) => result.status === 403 && !isStudioPaused(result.problem);

/** Categories whose API text is written for people: a reason of theirs with no site words is shown in it. */
const WRITTEN_FOR_PEOPLE = new Set<ErrorCode>(["conflict", "invalid_token", "gone", "email_not_verified", "forbidden", "payload_too_large"]);
/** A category's plain sentence, for a reason that has neither site words nor API words for people. */
const PLAIN_BY_CATEGORY: Partial<Record<ErrorCode, string>> = {
  forbidden: "You don't have permission to do that.",
  payload_too_large: "That is too large to send. Please choose a smaller file.",
};
const FALLBACK = "Something went wrong. Please try again.";

/**
 * What people read when the API refuses, chosen by the problem's `code` (its reason), never by
 * its `detail`: the page's own words for the reason, else the site's (REASON_WORDS), else the
 * API's words where its category's are written for people (a conflict, an unusable link, a
 * permission rule), else a plain sentence — never the API's own ("The request has invalid
 * fields"). The one helper every page uses.
 */
export function plainProblem(problem: Problem, words: Partial<Record<Reason, string>> = {}): string {
  const code = problemCode(problem) ?? "";
  if (!isReason(code)) return problem.status >= 500 ? REASON_WORDS.unavailable! : FALLBACK;
  const category = REASONS[code];
  const text = words[code] ?? REASON_WORDS[code] ?? (WRITTEN_FOR_PEOPLE.has(category) ? problem.detail : undefined);
  return text ?? REASON_WORDS[category] ?? PLAIN_BY_CATEGORY[category] ?? FALLBACK;
}

/** "address.postalCode" → "Postal code"; "entries.0.status" → "Status". */
export function fieldLabel(path: string): string {
  const last =
    path
      .split(".")
      .filter((part) => !/^\d+$/.test(part))
      .pop() || "This field";
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A message for the top of a form: plain words, plus field errors that have no field on the form. */
export function problemMessage(problem: Problem, knownFields: readonly string[] = []): string {
  const stray = (problem.errors ?? []).filter((e) => !knownFields.includes(e.path));
  const base =
    stray.length && problemCode(problem) === "validation_failed" && stray.length === (problem.errors ?? []).length
      ? "Please check what you entered."
      : plainProblem(problem);
  return stray.length ? `${base} ${stray.map((e) => `${fieldLabel(e.path)} ${e.message}.`).join(" ")}` : base;
}

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === "object" && "title" in body) {
    const p = body as Partial<Problem>;
    return {
      type: p.type ?? "about:blank",
      title: p.title ?? "Error",
      status: p.status ?? status,
      detail: p.detail,
      code: p.code,
      errors: p.errors,
      conflicts: p.conflicts,
    };
  }
  return { type: "about:blank", title: FALLBACK, status };
}
