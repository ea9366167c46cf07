import { Entity } from "../kernel/db/entity";
import { SERVICE, expiresAt } from "../kernel/db/attributes";

/** A fixed-window counter (atomic ADD), e.g. failed logins per email per 15 minutes. */
export const RateCounterEntity = new Entity({
  model: { entity: "rateCounter", version: "1", service: SERVICE },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    window: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true, default: 0 },
    expiresAt,
  },
  indexes: {
    counter: {
      pk: { field: "pk", composite: ["bucket"] },
      sk: { field: "sk", composite: ["window"] },
    },
  },
});
