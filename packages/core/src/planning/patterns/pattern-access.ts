import { itemOf } from "../../kernel/db/read-together";
import { AppError, notFound } from "../../kernel/errors";
import { isStudioAdmin, loadMemberWith, type Actor, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/studio-view";
import { familyStudentIdsOf, mayReadLesson } from "../../scheduling/lessons/lesson-access";
import { planningDb } from "../planning-db";
import { schedulingSettingsRead, withDefaults } from "../../scheduling/settings/read-settings";
import type { SchedulingSettings } from "../../scheduling/settings/defaults";
import type { PatternRecord } from "./pattern-view";

/** Who sees a pattern: like its lessons (admins, its teacher, its students, their parents). */
export const mayReadPattern = (member: StudioMember, pattern: Pick<PatternRecord, "teacherId" | "studentIds">, familyStudentIds: string[] = []) =>
  mayReadLesson(member, pattern, familyStudentIds);

/**
 * Who changes or ends a pattern: admins and its teacher (the new teacher and students of an edit
 * are checked like a lesson's, by resolveParties).
 */
export function requireWritePattern(member: StudioMember, pattern: Pick<PatternRecord, "teacherId">): void {
  if (isStudioAdmin(member) || (member.role === "teacher" && Boolean(member.teacherId) && member.teacherId === pattern.teacherId)) return;
  throw new AppError("pattern.teachers_only", "Only the studio's admins and the pattern's teacher may change it");
}

export interface LoadedPattern {
  member: StudioMember;
  studio: StudioRecord;
  pattern: PatternRecord;
  settings: SchedulingSettings;
}

/**
 * A pattern the actor may see, with their membership, the studio and its scheduling settings in
 * one BatchGet (a parent's family is a second read). Missing, or not theirs to see: 404.
 */
export async function loadPatternFor(actor: Actor, studioId: string, patternId: string): Promise<LoadedPattern> {
  const { recurringPattern } = planningDb().entities;
  const { member, studio, records } = await loadMemberWith(
    actor,
    studioId,
    itemOf(recurringPattern, { studioId, patternId }),
    schedulingSettingsRead(studioId),
  );
  const [pattern, settings] = records;
  if (!pattern) throw notFound("Recurring pattern");
  if (!mayReadPattern(member, pattern, await familyStudentIdsOf(studioId, member))) throw notFound("Recurring pattern");
  return { member, studio, pattern, settings: withDefaults(settings) };
}
