import { itemOf } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { loadMemberWith, may, type Actor, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { familyStudentIdsOf, schedulingSettingsRead, withDefaults, type SchedulingSettings } from "../../scheduling";
import { planningDb } from "../planning-db";
import type { PatternRecord } from "./pattern-view";

export interface LoadedPattern {
  member: StudioMember;
  studio: StudioRecord;
  pattern: PatternRecord;
  settings: SchedulingSettings;
}

/**
 * A pattern the actor may see (like its lessons: admins, its teacher, its students, their parents), with their membership, the studio and its scheduling settings in
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
  if (!may(member, "lesson.view", { ...pattern, familyStudentIds: await familyStudentIdsOf(studioId, member) })) throw notFound("Recurring pattern");
  return { member, studio, pattern, settings: withDefaults(settings) };
}
