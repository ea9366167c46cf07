import { Entity } from "../kernel/db/entity";
import { SERVICE, expiresAt, timestamps } from "../kernel/db/attributes";

/**
 * The stored outcome of a POST made with an Idempotency-Key, replayed for a retry. `scope` names
 * the operation and who may see the outcome (studio and caller, see functions/http/idempotency.ts).
 * `interrupted`: the request may have committed, then failed before it could answer; it is never
 * run again under its key.
 */
export const IdempotencyRecordEntity = new Entity({
  model: { entity: "idempotencyRecord", version: "1", service: SERVICE },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    requestHash: { type: "string", required: true, readOnly: true },
    status: { type: ["in_progress", "completed", "interrupted"] as const, required: true },
    responseStatus: { type: "number" },
    responseBody: { type: "string" },
    expiresAt,
    ...timestamps,
  },
  indexes: {
    record: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: ["key"] },
    },
  },
});
