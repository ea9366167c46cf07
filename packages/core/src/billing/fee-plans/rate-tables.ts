import { billingDb } from "../billing-db";
import type { FeePlanEnrolmentRecord, FeePlanRecord } from "./fee-plan-view";

/**
 * Everything the rate rule needs about a studio's plans, for a billing run: every plan by id and
 * every enrolment (two paginated queries of the studio partition; archived plans included, as
 * their enrolments still apply).
 */
export async function loadRateTables(studioId: string): Promise<{ plans: Map<string, FeePlanRecord>; enrolments: FeePlanEnrolmentRecord[] }> {
  const { feePlan, feePlanEnrolment } = billingDb().entities;
  const [plans, enrolments] = await Promise.all([
    feePlan.query.feePlan({ studioId }).go({ pages: "all" }),
    feePlanEnrolment.query.feePlanEnrolment({ studioId }).go({ pages: "all" }),
  ]);
  return { plans: new Map(plans.data.map((p) => [p.feePlanId, p])), enrolments: enrolments.data };
}
