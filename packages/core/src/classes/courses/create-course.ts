import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { classesDb } from "../classes-db";
import { toCourse } from "../class-views";
import type { Course } from "../class-schemas";
import type { CourseRecord } from "../course.entity";
import type { CreateCourseInput } from "../schemas";
import { feePlanOf, nextPlans } from "./course-plans";

/** Adds a course with its plans (admins); each plan gets its term fee plan in the same transaction. Audited. */
export async function createCourse(actor: Actor, studioId: string, input: CreateCourseInput): Promise<Course> {
  const { member } = await loadMemberWith(actor, studioId);
  assertMay(member, "class.manage");
  const now = new Date().toISOString();
  const { plans } = nextPlans([], input.plans);
  const course: CourseRecord = {
    studioId,
    courseId: uuidv7(),
    name: input.name,
    instrument: input.instrument,
    kind: input.kind,
    ...(input.description ? { description: input.description } : {}),
    ...(input.minAge !== undefined ? { minAge: input.minAge } : {}),
    ...(input.maxAge !== undefined ? { maxAge: input.maxAge } : {}),
    isActive: input.isActive ?? true,
    plans,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await commitWrites(classesDb, (tx) => [
    tx.course.create(course).commit(),
    ...plans.map((plan) => tx.feePlan.create(feePlanOf(course, plan, actor.userId, now)).commit()),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "course.created", entityType: "course", entityId: course.courseId, after: course }),
  ]);
  return toCourse(course);
}
