import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { applyChanges, searchKeys, splitChanges } from "../people";
import { leadsDb } from "./leads-db";
import type { LeadRecord } from "./lead.entity";
import { loadLead } from "./lead-access";
import { phoneKeyOf } from "./lead-intake";
import { referenceChecks } from "./lead-references";
import { toLead } from "./lead-view";
import type { UpdateLeadInput } from "./schemas";
import { countWrite } from "./stage-config";

/** The lead unchanged since it was read (its `updatedAt`): a concurrent edit is a 409, not lost. */
export const unchangedSince = (lead: LeadRecord) => (a: { updatedAt: unknown; listing: unknown }, op: { eq: (a: never, v: string) => string }) =>
  `${op.eq(a.updatedAt as never, lead.updatedAt)} AND ${op.eq(a.listing as never, "listed")}`;

export const leadChanged = () => conflict("lead.changed", "The lead changed meanwhile; reload and try again");

/** Changes a lead's details (owners, admins); `null` clears. Name, email and phone keep their search and duplicate keys in step. */
export async function updateLead(actor: Actor, studioId: string, leadId: string, input: UpdateLeadInput) {
  const { lead } = await loadLead(actor, studioId, leadId, "lead.manage");
  const { set, remove } = splitChanges(input);
  const now = new Date().toISOString();
  const next = applyChanges(lead, set, remove, now);
  const keys = { ...searchKeys(`${next.studentFirstName} ${next.studentLastName}`, next.contactEmail), phoneKey: phoneKeyOf(next.contactPhone) };
  const after = { ...next, ...keys, updatedBy: actor.userId };
  await commitWrites(leadsDb, (tx) => [
    failsWith(
      tx.lead
        .patch({ studioId, leadId })
        .set({ ...set, ...keys, updatedBy: actor.userId })
        .remove(remove as never[])
        .where(unchangedSince(lead) as never)
        .commit(),
      leadChanged,
    ),
    ...referenceChecks(tx, studioId, { ownerId: input.ownerId, assignedTeacherId: input.assignedTeacherId }),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lead.updated", entityType: "lead", entityId: leadId, before: lead, after }),
  ]);
  return toLead(after);
}

/** Takes a lead out of the lists (owners, admins): kept for the funnel's history, no longer counted on the board. */
export async function deleteLead(actor: Actor, studioId: string, leadId: string) {
  const { lead } = await loadLead(actor, studioId, leadId, "lead.manage");
  const now = new Date().toISOString();
  await commitWrites(leadsDb, (tx) => [
    failsWith(
      tx.lead
        .patch({ studioId, leadId })
        .set({ listing: "deleted", deletedAt: now, updatedBy: actor.userId })
        .where(unchangedSince(lead) as never)
        .commit(),
      leadChanged,
    ),
    ...countWrite(tx, studioId, { from: lead.stage }),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lead.deleted", entityType: "lead", entityId: leadId }),
  ]);
}
