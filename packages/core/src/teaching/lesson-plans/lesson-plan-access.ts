import { itemOf } from "../../kernel/db/read-together";
import { hiddenRecord, isStudioAdmin, may, type Actor, type StudioMember } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadMemberAndRecord } from "../member-record";
import { STUDIO_AUTHOR } from "../lesson-plan.entity";
import type { LessonPlanRecord } from "./lesson-plan-view";

/**
 * A listed plan the member may see (admins any; teachers their own and public ones), in one read.
 * Missing, deleted, another teacher's private plan, or a student/parent asking → 404 alike.
 */
export async function loadLessonPlan(actor: Actor, studioId: string, planId: string) {
  const { member, studio, record } = await loadMemberAndRecord(actor, studioId, itemOf(teachingDb().entities.lessonPlan, { studioId, planId }));
  const plan = record as LessonPlanRecord | null;
  if (!plan || plan.listing !== "listed" || !may(member, "lesson-plan.view", plan)) throw hiddenRecord("Lesson plan");
  return { member, studio, plan };
}

/** Whose plans the member writes: their teacher profile, or "studio" for an admin without one. */
export const planAuthorOf = (member: StudioMember): string | undefined => member.teacherId ?? (isStudioAdmin(member) ? STUDIO_AUTHOR : undefined);
