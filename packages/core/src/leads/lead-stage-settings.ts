import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict, invalidField } from "../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { leadsDb } from "./leads-db";
import { DEFAULT_LEAD_STAGES, type LeadStage } from "./lead-stages";
import type { LeadStagesRecord } from "./lead-stages.entity";
import type { UpdateLeadStagesInput } from "./schemas";
import { BUILT_IN_STAGE_KEYS, freeCustomKey, leadStagesRead, stageCounts, stagesOf } from "./stage-config";

const BUILT_IN = new Set<string>(BUILT_IN_STAGE_KEYS);

const view = (record: LeadStagesRecord | null) => {
  const counts = stageCounts(record);
  return { stages: stagesOf(record).map((s) => ({ ...s, builtIn: BUILT_IN.has(s.key), count: counts[s.key] ?? 0 })) };
};

/** The studio's lead stages in board order with their counts (staff). */
export async function getLeadStages(actor: Actor, studioId: string) {
  const { member, records } = await loadMemberWith(actor, studioId, leadStagesRead(studioId));
  assertMay(member, "lead.list");
  return view(records[0] as LeadStagesRecord | null);
}

/**
 * Renames, reorders, adds and removes stages (owners, admins). The six built-in keys stay; a
 * stage without a key is a new custom open stage; a custom stage left out is removed, only when no
 * listed lead is in it (checked on the counts as the write commits: a lead moving in meanwhile
 * makes it a 409).
 */
export async function updateLeadStages(actor: Actor, studioId: string, input: UpdateLeadStagesInput) {
  const { member, records } = await loadMemberWith(actor, studioId, leadStagesRead(studioId));
  assertMay(member, "lead.manage");
  const record = records[0] as LeadStagesRecord | null;
  const current = stagesOf(record);
  const next: LeadStage[] = [];
  input.stages.forEach((given, i) => {
    if (!given.key) {
      next.push({ key: freeCustomKey([...current, ...next]), name: given.name, outcome: "open" });
      return;
    }
    const known = current.find((s) => s.key === given.key);
    if (!known) throw invalidField(`stages.${i}.key`, "must be a key of one of the studio's stages (leave it out for a new stage)");
    if (next.some((s) => s.key === given.key)) throw invalidField(`stages.${i}.key`, "must appear once");
    next.push({ ...known, name: given.name });
  });
  const missing = DEFAULT_LEAD_STAGES.filter((s) => !next.some((n) => n.key === s.key));
  if (missing.length) throw invalidField("stages", `must keep the built-in stages (${missing.map((s) => s.key).join(", ")})`);
  const removed = current.filter((s) => !next.some((n) => n.key === s.key));
  const counts = stageCounts(record);
  const busy = removed.find((s) => (counts[s.key] ?? 0) > 0);
  if (busy) throw conflict("lead.stage_in_use", `Move the ${counts[busy.key]} leads out of "${busy.name}" before removing it`);
  const empty = () => conflict("lead.stage_in_use", "A lead moved into a stage being removed; reload and try again");
  await commitWrites(leadsDb, (tx) => [
    failsWith(
      tx.leadStages
        .update({ studioId })
        .set({ stages: next, updatedBy: actor.userId })
        .where(
          (a, op) =>
            removed.map((s) => `(${op.notExists(a[`n_${s.key}` as "n_custom_1"])} OR ${op.eq(a[`n_${s.key}` as "n_custom_1"], 0)})`).join(" AND ") || "",
        )
        .commit(),
      empty,
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "lead_stages.updated",
      entityType: "lead_stages",
      entityId: studioId,
      before: { stages: current },
      after: { stages: next },
    }),
  ]);
  return view({ ...(record ?? { studioId, createdAt: "", updatedAt: "" }), stages: next } as LeadStagesRecord);
}
