import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, notFound } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { loadFeePlan } from "./fee-plan-access";

/**
 * Removes a fee plan nobody is enrolled in (admins). A plan with enrolments is refused (409):
 * archive it with `isActive: false` instead, so the invoices and enrolments that refer to it
 * keep their meaning. Lines already invoiced keep their own descriptions and amounts.
 */
export async function deleteFeePlan(actor: Actor, studioId: string, feePlanId: string): Promise<void> {
  const { member, plan } = await loadFeePlan(actor, studioId, feePlanId);
  assertMay(member, "fee-plan.manage");
  const { data } = await billingDb().entities.feePlanEnrolment.query.enrolmentsByPlan({ studioId, feePlanId }).go({ limit: 1, pages: 1 });
  if (data.length > 0)
    throw conflict("fee_plan.has_enrolments", "Students are enrolled in this plan: remove their enrolments first, or archive the plan (isActive: false)");
  await commitWrites(billingDb, (tx) => [
    failsWith(
      tx.feePlan
        .delete({ studioId, feePlanId })
        .where((a, op) => op.exists(a.feePlanId))
        .commit(),
      () => notFound("Fee plan"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "feePlan.deleted", entityType: "feePlan", entityId: feePlanId, before: plan }),
  ]);
}
