import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** The keys a custom stage may take: a studio adds at most this many stages of its own. */
export const CUSTOM_STAGE_KEYS = ["custom_1", "custom_2", "custom_3", "custom_4", "custom_5", "custom_6", "custom_7", "custom_8"] as const;

/**
 * A studio's lead stages and the number of listed leads in each (one item per studio; the
 * defaults when absent). The counts are kept in step in the transactions that add, move, merge
 * or delete a lead (an ADD on the stage's attribute), so the board reads them with the studio in
 * its first BatchGetItem instead of counting 5,000 leads. A stage's count attribute is `n_<key>`.
 */
export const LeadStagesEntity = new Entity({
  model: { entity: "leadStages", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    /** In board order; absent until the studio changes its stages (DEFAULT_LEAD_STAGES). */
    stages: {
      type: "list",
      items: {
        type: "map",
        properties: {
          key: { type: "string", required: true },
          name: { type: "string", required: true },
          outcome: { type: ["open", "won", "lost"] as const, required: true },
        },
      },
    },
    n_new: { type: "number" },
    n_contacted: { type: "number" },
    n_trial_booked: { type: "number" },
    n_trial_done: { type: "number" },
    n_enrolled: { type: "number" },
    n_lost: { type: "number" },
    n_custom_1: { type: "number" },
    n_custom_2: { type: "number" },
    n_custom_3: { type: "number" },
    n_custom_4: { type: "number" },
    n_custom_5: { type: "number" },
    n_custom_6: { type: "number" },
    n_custom_7: { type: "number" },
    n_custom_8: { type: "number" },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    leadStages: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: [] } },
  },
});

export type LeadStagesRecord = EntityItem<typeof LeadStagesEntity>;
