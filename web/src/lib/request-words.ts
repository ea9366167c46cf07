import type { Tone } from "./tone";

/** A request's status in words, for the badges of both kinds of request. */
export const REQUEST_STATUS: Record<string, { label: string; tone: Tone }> = {
  pending: { label: "Waiting", tone: "warning" },
  approved: { label: "Approved", tone: "success" },
  rejected: { label: "Declined", tone: "neutral" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
};

export const ROLE_WORDS: Record<string, string> = { teacher: "Teacher", student: "Student", parent: "Parent" };

/** The status a list shows: one the kind of request has, pending by default. */
export function requestStatusFilter(tab: "reschedules" | "access", asked: string | null): string {
  const allowed = tab === "access" ? ["pending", "approved", "rejected"] : ["pending", "approved", "rejected", "withdrawn"];
  return asked && allowed.includes(asked) ? asked : "pending";
}
