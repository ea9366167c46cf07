import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict, invalidField } from "../kernel/errors";
import type { Actor } from "../policy";
import { leadsDb } from "./leads-db";
import type { LeadRecord } from "./lead.entity";
import { leadRead, loadLead } from "./lead-access";
import { MAX_LEAD_TASKS } from "./lead-tasks";
import { toLead } from "./lead-view";
import { MAX_LEAD_NOTES, type MergeLeadsInput } from "./schemas";
import { countWrite } from "./stage-config";
import { leadChanged, unchangedSince } from "./update-lead";

/** The details the surviving lead takes from the duplicate when it has none of its own. */
const FILLED = [
  "studentAge",
  "instrument",
  "level",
  "contactEmail",
  "contactPhone",
  "availability",
  "message",
  "ownerId",
  "assignedTeacherId",
  "lastContactedAt",
  "nextFollowUpOn",
  "walkInOn",
  "trialBookingId",
  "trialStart",
  "trialTeacherId",
] as const satisfies readonly (keyof LeadRecord)[];

/** What the surviving lead becomes: its own fields, the duplicate's where it has none, both leads' notes, tags and contact attempts. */
export function mergedLead(keep: LeadRecord, duplicate: LeadRecord, actorId: string, now: string): LeadRecord {
  const filled: Partial<LeadRecord> = {};
  for (const field of FILLED) if (keep[field] === undefined && duplicate[field] !== undefined) Object.assign(filled, { [field]: duplicate[field] });
  const notes = [...(keep.notes ?? []), ...(duplicate.notes ?? [])].sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_LEAD_NOTES);
  const tags = [...new Set([...(keep.tags ?? []), ...(duplicate.tags ?? [])])];
  const lastContactedAt = [keep.lastContactedAt, duplicate.lastContactedAt].filter(Boolean).sort().at(-1);
  return {
    ...keep,
    ...filled,
    ...(filled.contactEmail ? { emailKey: filled.contactEmail.toLowerCase() } : {}),
    ...(filled.contactPhone ? { phoneKey: duplicate.phoneKey } : {}),
    ...(lastContactedAt ? { lastContactedAt } : {}),
    notes,
    tags,
    contactAttempts: keep.contactAttempts + duplicate.contactAttempts,
    mergedFrom: [...(keep.mergedFrom ?? []), duplicate.leadId, ...(duplicate.mergedFrom ?? [])],
    updatedBy: actorId,
    updatedAt: now,
  };
}

/**
 * Merges a duplicate lead into this one (owners, admins), in one transaction: this lead keeps its
 * fields and fills the missing ones from the duplicate, takes its notes and tags, its tasks are
 * re-linked here, the duplicate gets `mergedInto` and leaves the lists and the board's counts,
 * and an audit event records the merge. Both leads must be unchanged since they were read.
 */
export async function mergeLeads(actor: Actor, studioId: string, leadId: string, input: MergeLeadsInput) {
  if (input.duplicateId === leadId) throw invalidField("duplicateId", "must be another lead");
  const { lead: keep, rest } = await loadLead(actor, studioId, leadId, "lead.manage", leadRead(studioId, input.duplicateId));
  const duplicate = rest[0] as LeadRecord | null;
  if (!duplicate || duplicate.listing !== "listed") throw invalidField("duplicateId", "must be a listed lead of this studio");
  if (duplicate.convertedAt) throw conflict("lead.converted", "The duplicate was converted to a student; merge the other way round");
  const { data: tasks } = await leadsDb()
    .entities.leadTask.query.tasksByLead({ studioId, leadId: duplicate.leadId })
    .go({ limit: MAX_LEAD_TASKS + 1, pages: 1 });
  if (tasks.length > MAX_LEAD_TASKS) throw conflict("lead.too_many_tasks", `The duplicate has more than ${MAX_LEAD_TASKS} tasks; close some first`);
  const now = new Date().toISOString();
  const after = mergedLead(keep, duplicate, actor.userId, now);
  const { studioId: _s, leadId: _l, source: _src, createdAt: _c, createdBy: _cb, updatedAt: _u, ...changes } = after;
  await commitWrites(leadsDb, (tx) => [
    failsWith(
      tx.lead
        .patch({ studioId, leadId })
        .set(changes)
        .where(unchangedSince(keep) as never)
        .commit(),
      leadChanged,
    ),
    failsWith(
      tx.lead
        .patch({ studioId, leadId: duplicate.leadId })
        .set({ mergedInto: leadId, listing: "deleted", updatedBy: actor.userId })
        .where(unchangedSince(duplicate) as never)
        .commit(),
      leadChanged,
    ),
    ...tasks.map((task) => tx.leadTask.patch({ studioId, taskId: task.taskId }).set({ leadId, updatedBy: actor.userId }).commit()),
    ...countWrite(tx, studioId, { from: duplicate.stage }),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "lead.merged",
      entityType: "lead",
      entityId: leadId,
      before: { duplicateId: duplicate.leadId },
      after: { mergedFrom: after.mergedFrom, tasksMoved: tasks.length },
    }),
  ]);
  return toLead(after);
}
