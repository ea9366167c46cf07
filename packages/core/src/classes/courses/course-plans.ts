import { v7 as uuidv7 } from "uuid";
import { invalidField } from "../../kernel/errors";
import type { FeePlanRecord } from "../../billing/module";
import type { ClassesTx } from "../classes-db";
import type { CoursePlanRecord, CourseRecord } from "../course.entity";
import type { CoursePlanInput } from "../schemas";

const feePlanName = (courseName: string, plan: { name: string }) => `${courseName} — ${plan.name}`;

/**
 * The course's plans after an edit: a plan given with its `planId` keeps its id and fee plan, one
 * without gets both new, and an existing plan left out is dropped (its fee plan archived). Unknown
 * plan ids are a 422.
 */
export function nextPlans(existing: readonly CoursePlanRecord[], given: readonly CoursePlanInput[]) {
  const byId = new Map(existing.map((p) => [p.planId, p]));
  const plans: CoursePlanRecord[] = given.map((p, i) => {
    if (p.planId && !byId.has(p.planId)) throw invalidField(`plans.${i}.planId`, "is not a plan of this course");
    const kept = p.planId ? byId.get(p.planId) : undefined;
    return {
      planId: kept?.planId ?? uuidv7(),
      name: p.name,
      classCount: p.classCount,
      priceMinor: p.priceMinor,
      validityDays: p.validityDays,
      feePlanId: kept?.feePlanId ?? uuidv7(),
    };
  });
  const keptIds = new Set(plans.map((p) => p.planId));
  return { plans, dropped: existing.filter((p) => !keptIds.has(p.planId)), added: plans.filter((p) => !byId.has(p.planId)) };
}

/**
 * The fee plan behind a course plan: a term package of `classCount` lessons for `priceMinor`, with
 * no term dates of its own (each admission's billing enrolment runs from its start date to the end
 * of its validity), so the billing run bills it once per student and counts the classes as covered.
 */
export function feePlanOf(course: Pick<CourseRecord, "studioId" | "name">, plan: CoursePlanRecord, actorId: string, now: string): FeePlanRecord {
  return {
    studioId: course.studioId,
    feePlanId: plan.feePlanId,
    name: feePlanName(course.name, plan),
    kind: "term",
    amountMinor: plan.priceMinor,
    lessonCount: plan.classCount,
    description: `Course plan: ${plan.classCount} classes, valid ${plan.validityDays} days`,
    isActive: true,
    createdBy: actorId,
    updatedBy: actorId,
    createdAt: now,
    updatedAt: now,
  };
}

/** Keeps a kept plan's fee plan in step with its name and price. */
export const feePlanUpdate = (tx: ClassesTx, course: Pick<CourseRecord, "studioId" | "name">, plan: CoursePlanRecord, actorId: string, isActive: boolean) =>
  tx.feePlan
    .patch({ studioId: course.studioId, feePlanId: plan.feePlanId })
    .set({ name: feePlanName(course.name, plan), amountMinor: plan.priceMinor, lessonCount: plan.classCount, isActive, updatedBy: actorId })
    .commit();
