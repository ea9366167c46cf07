import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { leadsDb } from "./leads-db";
import { loadLead } from "./lead-access";
import { toLead } from "./lead-view";
import type { MoveLeadInput } from "./schemas";
import { assertLostReason, countWrite, ENROLLED_STAGE, LOST_STAGE, stageOf, stagesOf } from "./stage-config";
import { leadChanged, unchangedSince } from "./update-lead";

/**
 * Moves a lead to another stage (owners, admins): `lost` needs a reason; `enrolled` is reached by
 * converting the lead. The move is appended to the stage history (the funnel's time in stage) and
 * the board counts move with it, in one transaction conditional on the lead being unchanged.
 */
export async function moveLead(actor: Actor, studioId: string, leadId: string, input: MoveLeadInput) {
  const { lead, stagesRecord } = await loadLead(actor, studioId, leadId, "lead.manage");
  const stage = stageOf(stagesOf(stagesRecord), input.stage).key;
  assertLostReason(stage, input.lostReason);
  if (stage === ENROLLED_STAGE && !lead.convertedAt) throw conflict("lead.changed", "A lead is enrolled by converting it to a family and student");
  if (lead.convertedAt) throw conflict("lead.converted", "This lead was converted; it stays enrolled");
  if (stage === lead.stage && stage !== LOST_STAGE) return toLead(lead);
  const now = new Date().toISOString();
  const history = [...lead.stageHistory, { stage, at: now }];
  const lost = stage === LOST_STAGE ? { lostReason: input.lostReason! } : {};
  const after = { ...lead, ...lost, stage, stageChangedAt: now, stageHistory: history, updatedAt: now, updatedBy: actor.userId };
  if (stage !== LOST_STAGE) delete (after as { lostReason?: string }).lostReason;
  await commitWrites(leadsDb, (tx) => [
    failsWith(
      (stage === LOST_STAGE
        ? tx.lead.patch({ studioId, leadId }).set({ stage, stageChangedAt: now, stageHistory: history, ...lost, updatedBy: actor.userId })
        : tx.lead.patch({ studioId, leadId }).set({ stage, stageChangedAt: now, stageHistory: history, updatedBy: actor.userId }).remove(["lostReason"])
      )
        .where(unchangedSince(lead) as never)
        .commit(),
      leadChanged,
    ),
    ...countWrite(tx, studioId, { from: lead.stage, to: stage }),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "lead.moved",
      entityType: "lead",
      entityId: leadId,
      before: { stage: lead.stage },
      after: { stage, ...lost },
    }),
  ]);
  return toLead(after);
}
