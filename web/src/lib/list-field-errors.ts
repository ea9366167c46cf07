import { fieldErrors, type FieldErrors, type Problem } from "./problem";

/**
 * The API's field errors on a form whose lists are textareas, one entry per line: an entry's error
 * ("objectives.2") shows under its textarea, naming the line ("line 3 is required").
 */
export function listFieldErrors(problem: Problem | undefined, fields: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrors(problem))) {
    const [name, index] = path.split(".");
    const onList = name !== undefined && fields.includes(name) && index !== undefined && /^\d+$/.test(index);
    out[onList ? name : path] ??= onList ? `line ${Number(index) + 1} ${message}` : message;
  }
  return out;
}

/** The paths of a problem's errors that a form with these fields shows (lists' entries included). */
export const shownPaths = (problem: Problem, fields: readonly string[]) =>
  (problem.errors ?? []).map((e) => e.path).filter((path) => fields.includes(path.split(".")[0] ?? ""));
