import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { classesDb } from "../classes-db";
import { toCourse } from "../class-views";
import type { Course } from "../class-schemas";
import type { CourseRecord } from "../course.entity";
import type { UpdateCourseInput } from "../schemas";
import { feePlanOf, feePlanUpdate, nextPlans } from "./course-plans";

/**
 * Changes a course (admins): its details, whether it takes admissions, and its plans (see
 * nextPlans: kept plans' fee plans follow their name and price, new ones get a fee plan, dropped
 * ones' fee plans are archived; seats already taken keep their terms). `null` clears a field.
 * Conditional on the course being unchanged since read (409 otherwise). Audited.
 */
export async function updateCourse(actor: Actor, studioId: string, courseId: string, input: UpdateCourseInput): Promise<Course> {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(classesDb().entities.course, { studioId, courseId }));
  const [before] = records;
  if (!before) throw hiddenRecord("Course");
  assertMay(member, "class.manage");
  const now = new Date().toISOString();
  const { plans, dropped, added } = input.plans ? nextPlans(before.plans, input.plans) : { plans: before.plans, dropped: [], added: [] };
  const after: CourseRecord = { ...before, plans, updatedBy: actor.userId, updatedAt: now };
  for (const key of ["name", "instrument", "isActive"] as const) if (input[key] !== undefined) Object.assign(after, { [key]: input[key] });
  for (const key of ["description", "minAge", "maxAge"] as const) {
    if (input[key] === null) delete after[key];
    else if (input[key] !== undefined) Object.assign(after, { [key]: input[key] });
  }
  if (after.minAge !== undefined && after.maxAge !== undefined && after.maxAge < after.minAge) throw invalidField("maxAge", "must be at least minAge");
  const kept = plans.filter((p) => !added.includes(p));
  await commitWrites(classesDb, (tx) => [
    failsWith(
      tx.course
        .put(after)
        .where((a, op) => op.eq(a.updatedAt, before.updatedAt))
        .commit(),
      () => conflict("course.changed", "The course was changed by someone else meanwhile; reload it and try again"),
    ),
    ...added.map((plan) => tx.feePlan.create(feePlanOf(after, plan, actor.userId, now)).commit()),
    ...kept.map((plan) => feePlanUpdate(tx, after, plan, actor.userId, true)),
    ...dropped.map((plan) => feePlanUpdate(tx, after, plan, actor.userId, false)),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "course.updated", entityType: "course", entityId: courseId, before, after }),
  ]);
  return toCourse(after);
}
