import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { assertNoOverlap } from "./enrolment-overlap";
import { loadFeePlan } from "./fee-plan-access";
import { toEnrolment, type FeePlanEnrolment, type FeePlanEnrolmentRecord, type FeePlanRecord } from "./fee-plan-view";
import type { EnrolStudentInput } from "./schemas";

/** A term plan's enrolment must share at least one date with the term. */
export function assertWithinTerm(plan: FeePlanRecord, dates: { startDate: string; endDate?: string }): void {
  if (plan.kind !== "term") return;
  if (plan.termEnd && dates.startDate > plan.termEnd) throw invalidField("startDate", `must be on or before the term's last day (${plan.termEnd})`);
  if (plan.termStart && dates.endDate && dates.endDate < plan.termStart)
    throw invalidField("endDate", `must be on or after the term's first day (${plan.termStart})`);
}

export const enrolmentEntityId = (feePlanId: string, studentId: string) => `${feePlanId}:${studentId}`;

/**
 * Puts a student on a fee plan from a local date (admins), open-ended or to an end date. The
 * plan must be active; a student is on a plan at most once (change the dates instead), and on at
 * most one plan of each kind on any date (409 naming the other). Audited.
 */
export async function enrolStudent(actor: Actor, studioId: string, feePlanId: string, input: EnrolStudentInput): Promise<FeePlanEnrolment> {
  const { student, feePlanEnrolment } = billingDb().entities;
  const { member, plan, extra } = await loadFeePlan(
    actor,
    studioId,
    feePlanId,
    itemOf(student, { studioId, studentId: input.studentId }),
    itemOf(feePlanEnrolment, { studioId, studentId: input.studentId, feePlanId }),
  );
  assertMay(member, "fee-plan.manage");
  const [studentRecord, existing] = extra;
  if (!studentRecord || studentRecord.deletedAt) throw invalidField("studentId", "is not a student of this studio");
  if (existing) throw conflict("enrolment.exists", "The student is already on this plan: change the enrolment's dates instead", "studentId");
  if (plan.isActive === false) throw conflict("fee_plan.archived", "The plan is archived and takes no new enrolments");
  assertWithinTerm(plan, input);
  await assertNoOverlap(studioId, plan, { studentId: input.studentId, feePlanId, startDate: input.startDate, endDate: input.endDate });

  const now = new Date().toISOString();
  const record: FeePlanEnrolmentRecord = {
    studioId,
    studentId: input.studentId,
    feePlanId,
    startDate: input.startDate,
    ...(input.endDate ? { endDate: input.endDate } : {}),
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await commitWrites(billingDb, (tx) => [
    failsWith(tx.feePlanEnrolment.create(record).commit(), () => conflict("enrolment.exists", "The student is already on this plan", "studentId")),
    failsWith(
      tx.feePlan
        .check({ studioId, feePlanId })
        .where((a, op) => op.eq(a.isActive, true))
        .commit(),
      () => conflict("fee_plan.archived", "The plan was archived or removed meanwhile"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "feePlanEnrolment.created",
      entityType: "feePlanEnrolment",
      entityId: enrolmentEntityId(feePlanId, input.studentId),
      after: record,
    }),
  ]);
  return toEnrolment(record);
}
