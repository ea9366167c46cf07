import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * The dunning job's work queue: an open invoice's next reminder step, keyed by the local date it
 * falls on (a deliberate cross-tenant index, read only by the job). One item per open invoice,
 * written when it is sent, moved to the next step by the job, deleted when it is paid or voided.
 */
export const DunningDueEntity = new Entity({
  model: { entity: "dunningDue", version: "1", service: SERVICE },
  attributes: {
    /** Local date (studio time zone) of the step. */
    day: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    invoiceId: { type: "string", required: true, readOnly: true },
    /** "before" | "due" | "after-<days>" */
    step: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    dunningDue: {
      pk: { field: "pk", composite: ["day"] },
      sk: { field: "sk", composite: ["studioId", "invoiceId"] },
    },
  },
});
