import type { Problem } from "./problem";

const sentence = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".") : text);

/**
 * An API refusal in words for the top of a page, without API terms: the reasons it names (not the
 * generic "The request has invalid fields"), or its detail.
 */
export function humanProblem(problem: Problem): string {
  const reasons = (problem.errors ?? []).map((e) => sentence(e.message));
  if (reasons.length) return [...new Set(reasons)].join(" ");
  if (problem.status === 403) return "You can't do that in this studio.";
  if (problem.status === 404) return "That is no longer there — it may have been removed.";
  return sentence(problem.detail || "Something went wrong. Please try again.");
}
