import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE } from "../kernel/db/attributes";

/**
 * Who changed what, when: one item per write, in the same transaction as the write. Listed per
 * studio (newest first, by the time-ordered id) and per entity.
 */
export const AuditEventEntity = new Entity({
  model: { entity: "auditEvent", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    entityType: { type: "string", required: true, readOnly: true },
    entityId: { type: "string", required: true, readOnly: true },
    /** Changed fields only: `{ field: { before, after } }`. */
    changes: { type: "any", readOnly: true },
    at: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    auditByStudio: {
      pk: { field: "pk", composite: ["studioId"] },
      sk: { field: "sk", composite: ["eventId"] },
    },
    auditByEntity: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "entityType", "entityId"] },
      sk: { field: "gsi2sk", composite: ["eventId"] },
    },
  },
});

/** A stored AuditEvent item, as reads return it. */
export type AuditEventRecord = EntityItem<typeof AuditEventEntity>;
