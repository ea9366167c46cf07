import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * One stored file of a resource: version 1 is the first upload, each replacement adds the next.
 * The resource item names the current one; older ones stay downloadable until the resource is purged.
 */
export const ResourceVersionEntity = new Entity({
  model: { entity: "resourceVersion", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true, readOnly: true, padding: { length: 6, char: "0" } },
    objectKey: { type: "string", required: true },
    fileName: { type: "string", required: true },
    contentType: { type: "string", required: true },
    size: { type: "number", required: true },
    uploadedBy: { type: "string", required: true },
    uploadedByName: { type: "string", required: true },
    ...timestamps,
  },
  indexes: {
    version: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["resourceId", "version"] } },
  },
});

/** A stored ResourceVersion item, as reads return it. */
export type ResourceVersionRecord = EntityItem<typeof ResourceVersionEntity>;
