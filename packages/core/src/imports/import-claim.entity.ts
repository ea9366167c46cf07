import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { IMPORT_KINDS } from "./import-kinds";

/**
 * Claims one imported CSV row of a studio by its import hash, pointing at the record it created.
 * Written with `create` (condition: not there yet) in the same transaction as that record, so the
 * same row imported twice, even by two requests at once, creates one record.
 */
export const ImportClaimEntity = new Entity({
  model: { entity: "importClaim", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    importHash: { type: "string", required: true, readOnly: true },
    kind: { type: IMPORT_KINDS, required: true, readOnly: true },
    entityId: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    importClaim: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["importHash"] } },
  },
});
