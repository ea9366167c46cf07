import { itemOf } from "../kernel/db/read-together";
import { conflict, invalidField } from "../kernel/errors";
import { leadsDb, type LeadsTx } from "./leads-db";
import { DEFAULT_LEAD_STAGES, type LeadStage } from "./lead-stages";
import { CUSTOM_STAGE_KEYS, type LeadStagesRecord } from "./lead-stages.entity";

/** The built-in stage keys: the public booking moves leads to trial_booked, conversion to enrolled. */
export const BUILT_IN_STAGE_KEYS = DEFAULT_LEAD_STAGES.map((s) => s.key);
export const ENROLLED_STAGE = "enrolled";
export const LOST_STAGE = "lost";

export type StageKey = (typeof BUILT_IN_STAGE_KEYS)[number] | (typeof CUSTOM_STAGE_KEYS)[number];
type CountField = `n_${string}`;

/** The studio's lead stages item (stages and board counts), read with the member in one BatchGetItem. */
export const leadStagesRead = (studioId: string) => itemOf(leadsDb().entities.leadStages, { studioId });

/** The studio's stages in board order: its own, or the defaults. */
export const stagesOf = (record: LeadStagesRecord | null): LeadStage[] => (record?.stages?.length ? record.stages : [...DEFAULT_LEAD_STAGES]);

/** The number of listed leads in each stage (0 where none was ever counted). */
export const stageCounts = (record: LeadStagesRecord | null): Record<string, number> =>
  Object.fromEntries(stagesOf(record).map((s) => [s.key, Math.max(0, Number((record as Record<string, unknown> | null)?.[`n_${s.key}`] ?? 0))]));

/** The stage of `key` among the studio's stages, or a 422 naming `field`. */
export function stageOf(stages: LeadStage[], key: string, field = "stage"): LeadStage {
  const stage = stages.find((s) => s.key === key);
  if (!stage) throw invalidField(field, `must be one of ${stages.map((s) => s.key).join(", ")}`);
  return stage;
}

/** A lost lead needs a reason; no other stage takes one. */
export function assertLostReason(stage: string, reason: string | undefined) {
  if (stage === LOST_STAGE && !reason) throw invalidField("lostReason", "is required when a lead is lost");
}

/**
 * The transaction item that keeps the board counts in step: one ADD on the stages item (created
 * on first use), -1 for the stage a listed lead leaves and +1 for the one it enters.
 */
export function countWrite(tx: Pick<LeadsTx, "leadStages">, studioId: string, change: { from?: string; to?: string }, by = 1) {
  const { from, to } = change;
  if (from === to) return [];
  const adds: Record<string, number> = {};
  if (to) adds[to] = by;
  if (from) adds[from] = (adds[from] ?? 0) - by;
  return [countsWrite(tx, studioId, adds)];
}

/** One ADD on the stages item (created on first use) of each stage's change in count, e.g. an import's { new: 30, contacted: 3 }. */
export function countsWrite(tx: Pick<LeadsTx, "leadStages">, studioId: string, adds: Record<string, number>) {
  const set = Object.fromEntries(Object.entries(adds).map(([key, by]) => [`n_${key}` as CountField, by])) as Partial<Record<`n_${StageKey}`, number>>;
  return tx.leadStages.update({ studioId }).add(set).commit();
}

/** The stage a custom stage gets: the first free custom key (409 when all are in use). */
export function freeCustomKey(stages: LeadStage[]): string {
  const used = new Set(stages.map((s) => s.key));
  const key = CUSTOM_STAGE_KEYS.find((k) => !used.has(k));
  if (!key) throw conflict("lead.too_many_stages", `A studio has at most ${CUSTOM_STAGE_KEYS.length} stages of its own`);
  return key;
}
