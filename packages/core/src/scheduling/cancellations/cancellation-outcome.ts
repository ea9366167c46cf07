import type { SchedulingSettings } from "../settings/defaults";

export type CancelledBy = "student" | "studio";

export interface CancellationDecision {
  outcome: "credit_issued" | "no_credit";
  /** The outcome in words, as the lesson records it and the emails say it. */
  explanation: string;
  /** Whole hours between the cancellation and the lesson's start (rounded down). */
  noticeHours: number;
}

export interface CancellationFacts {
  by: CancelledBy;
  /** Milliseconds from the cancellation to the lesson's start. */
  noticeMs: number;
  settings: Pick<SchedulingSettings, "issueMakeupCredit" | "noticeHours" | "maxCreditsPerTerm">;
  /** Credits the student's own cancellations already earned this term (student cancellations only). */
  issuedThisTerm: number;
  /** A studio closure rather than a one-off studio cancellation (changes only the words). */
  closure?: boolean;
}

/**
 * The cancellation policy applied to one student's place in a cancelled lesson. The studio's
 * cancellations always earn a credit (when the policy issues credits); a student's own earn one
 * with at least `noticeHours` of notice, while they have earned fewer than `maxCreditsPerTerm`
 * this term. Notice is counted in whole hours, rounded down, so the words match the decision.
 */
export function decideCancellation(facts: CancellationFacts): CancellationDecision {
  const noticeHours = Math.max(0, Math.floor(facts.noticeMs / 3_600_000));
  const { settings } = facts;
  const none = (why: string): CancellationDecision => ({ outcome: "no_credit", explanation: `no credit: ${why}`, noticeHours });
  const credit = (why: string): CancellationDecision => ({ outcome: "credit_issued", explanation: `credit issued: ${why}`, noticeHours });

  if (!settings.issueMakeupCredit) return none("the studio's policy issues no make-up credits");
  if (facts.by === "studio") return credit(facts.closure ? "studio closed" : "studio cancelled");
  if (noticeHours < settings.noticeHours) return none(`${noticeHours} h notice, the policy asks for ${settings.noticeHours} h`);
  const max = settings.maxCreditsPerTerm;
  if (max !== undefined && facts.issuedThisTerm >= max) return none(`${facts.issuedThisTerm} of ${max} credits this term already issued`);
  return credit(`${noticeHours} h notice`);
}
