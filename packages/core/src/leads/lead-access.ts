import { itemOf, type ItemRead } from "../kernel/db/read-together";
import { localParts } from "../kernel/time/wall-clock";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../policy";

type LeadAction = "lead.view" | "lead.note" | "lead.manage";
import { leadsDb } from "./leads-db";
import type { LeadRecord } from "./lead.entity";
import type { LeadStagesRecord } from "./lead-stages.entity";
import { leadStagesRead } from "./stage-config";

export const leadRead = (studioId: string, leadId: string) => itemOf(leadsDb().entities.lead, { studioId, leadId });

/** The studio's local date at `now`. */
export const studioToday = (studio: { timeZone: string }, now = new Date()) => localParts(now, studio.timeZone).date;

/**
 * A listed lead the member may `action` (admins: any; a teacher: one assigned to them, for view
 * and notes), with the studio's stages item, in one BatchGetItem. Missing, merged away, deleted
 * or not theirs: 404 alike.
 */
export async function loadLead<const T extends readonly ItemRead<unknown>[]>(actor: Actor, studioId: string, leadId: string, action: LeadAction, ...reads: T) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, leadRead(studioId, leadId), leadStagesRead(studioId), ...reads);
  const [found, stages, ...rest] = records;
  const lead = found as LeadRecord | null;
  if (!lead || lead.listing !== "listed") throw hiddenRecord("Lead");
  const facts = lead.assignedTeacherId ? { assignedTeacherId: lead.assignedTeacherId } : {};
  assertMay(member, "lead.view", facts);
  if (action === "lead.manage") assertMay(member, "lead.manage");
  else assertMay(member, action, facts);
  return { member, studio, lead, stagesRecord: stages as LeadStagesRecord | null, rest };
}
