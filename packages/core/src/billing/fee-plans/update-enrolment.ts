import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField, notFound } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { assertWithinTerm, enrolmentEntityId } from "./enrol-student";
import { assertNoOverlap } from "./enrolment-overlap";
import { loadFeePlan } from "./fee-plan-access";
import { toEnrolment, type FeePlanEnrolment, type FeePlanEnrolmentRecord } from "./fee-plan-view";
import type { UpdateEnrolmentInput } from "./schemas";

const enrolmentRead = (studioId: string, feePlanId: string, studentId: string) =>
  itemOf(billingDb().entities.feePlanEnrolment, { studioId, studentId, feePlanId });

/**
 * Changes an enrolment's dates (admins): end a plan from a date (`endDate`), or reopen it
 * (`endDate: null`). The same rules as enrolling apply (one plan of a kind on any date). Lessons
 * already billed stay billed; the next billing run follows the new dates.
 */
export async function updateEnrolment(
  actor: Actor,
  studioId: string,
  feePlanId: string,
  studentId: string,
  input: UpdateEnrolmentInput,
): Promise<FeePlanEnrolment> {
  const { member, plan, extra } = await loadFeePlan(actor, studioId, feePlanId, enrolmentRead(studioId, feePlanId, studentId));
  assertMay(member, "fee-plan.manage");
  const [existing] = extra;
  if (!existing) throw notFound("Enrolment");
  const startDate = input.startDate ?? existing.startDate;
  const endDate = input.endDate === undefined ? existing.endDate : (input.endDate ?? undefined);
  if (endDate && endDate < startDate) throw invalidField(input.endDate !== undefined ? "endDate" : "startDate", "must keep endDate on or after startDate");
  assertWithinTerm(plan, { startDate, endDate });
  await assertNoOverlap(studioId, plan, { studentId, feePlanId, startDate, endDate });

  const next: FeePlanEnrolmentRecord = { ...existing, startDate, updatedBy: actor.userId, updatedAt: new Date().toISOString() };
  if (endDate) next.endDate = endDate;
  else delete next.endDate;
  await commitWrites(billingDb, (tx) => {
    const base = tx.feePlanEnrolment.patch({ studioId, studentId, feePlanId }).set({ startDate, updatedBy: actor.userId, updatedAt: next.updatedAt });
    const patch = endDate ? base.set({ endDate }) : base.remove(["endDate"]);
    return [
      failsWith(patch.where((a, op) => op.eq(a.updatedAt, existing.updatedAt)).commit(), () =>
        conflict("enrolment.changed", "The enrolment changed or was removed meanwhile; read it again and retry"),
      ),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "feePlanEnrolment.updated",
        entityType: "feePlanEnrolment",
        entityId: enrolmentEntityId(feePlanId, studentId),
        before: existing,
        after: next,
      }),
    ];
  });
  return toEnrolment(next);
}

/** Takes a student off a plan (admins). Lessons already billed under it stay billed. */
export async function removeEnrolment(actor: Actor, studioId: string, feePlanId: string, studentId: string): Promise<void> {
  const { member, extra } = await loadFeePlan(actor, studioId, feePlanId, enrolmentRead(studioId, feePlanId, studentId));
  assertMay(member, "fee-plan.manage");
  const [existing] = extra;
  if (!existing) throw notFound("Enrolment");
  await commitWrites(billingDb, (tx) => [
    failsWith(
      tx.feePlanEnrolment
        .delete({ studioId, studentId, feePlanId })
        .where((a, op) => op.exists(a.startDate))
        .commit(),
      () => notFound("Enrolment"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "feePlanEnrolment.deleted",
      entityType: "feePlanEnrolment",
      entityId: enrolmentEntityId(feePlanId, studentId),
      before: existing,
    }),
  ]);
}
