/** RFC 9457 problem details, as every API error is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable error code ("email_not_verified"); also the last part of `type`. */
  code?: string;
  errors?: { path: string; message: string }[];
  /** A 409 from a booking: the lesson in the way. */
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

/** A message for the top of a form: the detail, plus field errors that have no field on the form. */
export function problemMessage(problem: Problem, knownFields: readonly string[] = []): string {
  const stray = (problem.errors ?? []).filter((e) => !knownFields.includes(e.path));
  const base = problem.detail || problem.title || "Something went wrong.";
  return stray.length ? `${base} ${stray.map((e) => `${e.path}: ${e.message}`).join("; ")}` : base;
}

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === "object" && "title" in body) {
    const p = body as Partial<Problem>;
    return { type: p.type ?? "about:blank", title: p.title ?? "Error", status: p.status ?? status, detail: p.detail, code: p.code, errors: p.errors, ...(p.conflicts ? { conflicts: p.conflicts } : {}) };
  }
  return { type: "about:blank", title: `The API answered ${status}`, status };
}
