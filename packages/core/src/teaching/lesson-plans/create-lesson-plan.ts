import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { AppError } from "../../kernel/errors";
import { may, loadStudioMember, type Actor } from "../../policy";
import { withoutEmpty } from "../../people";
import { teachingDb } from "../teaching-db";
import { planAuthorOf } from "./lesson-plan-access";
import { planIndexKeys, titleKeyOf, toLessonPlan, type LessonPlanRecord } from "./lesson-plan-view";
import type { CreateLessonPlanInput } from "./schemas";

/**
 * Writes a lesson plan (admins, teachers) under the author's teacher profile ("studio" for an admin
 * without one). Private unless `isPublic`. Students and parents: 403.
 */
export async function createLessonPlan(actor: Actor, studioId: string, input: CreateLessonPlanInput) {
  const { member } = await loadStudioMember(actor, studioId);
  const author = may(member, "lesson-plan.use") ? planAuthorOf(member) : undefined;
  if (!author) throw new AppError("lesson_plan.role_not_allowed", `Your role (${member.role}) may not write lesson plans in this studio`);

  const now = new Date().toISOString();
  const base = {
    ...withoutEmpty(input),
    title: input.title,
    isPublic: input.isPublic ?? false,
    teacherId: author,
    titleKey: titleKeyOf(input.title),
    listing: "listed" as const,
  };
  const record = {
    ...base,
    ...planIndexKeys(base),
    studioId,
    planId: uuidv7(),
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  } satisfies LessonPlanRecord;

  await commitWrites(teachingDb, (tx) => [
    tx.lessonPlan.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lessonPlan.created", entityType: "lessonPlan", entityId: record.planId, after: record }),
  ]);
  return toLessonPlan(record);
}
