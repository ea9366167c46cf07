import { itemOf, readTogether } from "../../kernel/db/read-together";
import { conflict } from "../../kernel/errors";
import { billingDb } from "../billing-db";
import type { FeePlanEnrolmentRecord, FeePlanRecord } from "./fee-plan-view";
import { coveredSpan, type RateEnrolment } from "./lesson-rate";

/** The student's enrolments (one query of the studio partition by student). */
export async function studentEnrolments(studioId: string, studentId: string): Promise<FeePlanEnrolmentRecord[]> {
  const { data } = await billingDb().entities.feePlanEnrolment.query.feePlanEnrolment({ studioId, studentId }).go({ pages: "all" });
  return data.filter((e) => e.studentId === studentId);
}

type Span = { from: string; to: string | undefined };
const OPEN = "9999-12-31";
const isEmpty = (s: Span) => s.from > (s.to ?? OPEN);
const overlaps = (a: Span, b: Span) => !isEmpty(a) && !isEmpty(b) && a.from <= (b.to ?? OPEN) && b.from <= (a.to ?? OPEN);

/**
 * Refuses (409) an enrolment that would give a student two plans of the same kind on one date:
 * the rate rule could not tell which one applies. Term plans count only within their term, so
 * consecutive terms do not clash.
 */
export async function assertNoOverlap(studioId: string, plan: FeePlanRecord, enrolment: RateEnrolment): Promise<void> {
  const others = (await studentEnrolments(studioId, enrolment.studentId)).filter((e) => e.feePlanId !== plan.feePlanId);
  if (others.length === 0) return;
  const { feePlan } = billingDb().entities;
  const plans = await readTogether(...others.slice(0, 100).map((e) => itemOf(feePlan, { studioId, feePlanId: e.feePlanId })));
  const wanted = coveredSpan(plan, enrolment);
  for (const [i, other] of plans.entries()) {
    if (!other || other.kind !== plan.kind) continue;
    if (overlaps(wanted, coveredSpan(other, others[i]!))) {
      throw conflict(
        "enrolment.overlaps",
        `The student is already on the ${plan.kind.replace("_", "-")} plan “${other.name}” on some of these dates (from ${others[i]!.startDate}${others[i]!.endDate ? ` to ${others[i]!.endDate}` : ""})`,
        "startDate",
      );
    }
  }
}
