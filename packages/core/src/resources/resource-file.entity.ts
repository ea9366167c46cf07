import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * "This uploaded object is that resource's file": created on condition that it does not exist in
 * the transaction that confirms the upload, so one uploaded key becomes one version of one
 * resource, once (a replayed confirm cannot count its bytes twice). Keyed by the key's file id.
 */
export const ResourceFileEntity = new Entity({
  model: { entity: "resourceFile", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    fileId: { type: "string", required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    file: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["fileId"] } },
  },
});

/** A stored ResourceFile item, as reads return it. */
export type ResourceFileRecord = EntityItem<typeof ResourceFileEntity>;
