import { itemOf } from "../../kernel/db/read-together";
import { AppError } from "../../kernel/errors";
import { hiddenRecord, type Actor, type StudioMember } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadMemberAndRecord } from "../member-record";
import { mayEditPlan, mayReadPlan } from "../teaching-permissions";
import type { LessonPlanRecord } from "./lesson-plan-view";

/**
 * A listed plan the member may see (admins any; teachers their own and public ones), in one read.
 * Missing, deleted, another teacher's private plan, or a student/parent asking → 404 alike.
 */
export async function loadLessonPlan(actor: Actor, studioId: string, planId: string) {
  const { member, studio, record } = await loadMemberAndRecord(actor, studioId, itemOf(teachingDb().entities.lessonPlan, { studioId, planId }));
  const plan = record as LessonPlanRecord | null;
  if (!plan || plan.listing !== "listed" || !mayReadPlan(member, plan)) throw hiddenRecord("Lesson plan");
  return { member, studio, plan };
}

/** 403 unless the member may change the plan (admins, its author). */
export function requireEditPlan(member: StudioMember, plan: LessonPlanRecord): void {
  if (!mayEditPlan(member, plan)) throw new AppError("lesson_plan.not_author", "Only the plan's author and the studio's admins may change it");
}
