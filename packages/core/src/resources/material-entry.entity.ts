import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { RESOURCE_KINDS } from "./file-types";

/**
 * A resource as it sits in one household's materials: the inbox is `student#<id>` (what the
 * student sees) or `family#<id>` (what the family's parents see). One entry per inbox and
 * resource, however many shares reach it, written by the share that first reaches it and removed
 * when none does any more (recipients.ts). It carries what the list shows, so "My materials" is one
 * Query of `materialsFeed`, newest share first.
 *
 * `digestDay` (UTC date the share reached the inbox) keys the sparse, cross-tenant `materialsToAnnounce`
 * index the daily "New material from your teacher" job reads; it is removed once announced.
 */
export const MaterialEntryEntity = new Entity({
  model: { entity: "materialEntry", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    inbox: { type: "string", required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    sharedAt: { type: "string", required: true },
    title: { type: "string", required: true },
    description: { type: "string" },
    kind: { type: RESOURCE_KINDS, required: true },
    fileName: { type: "string", required: true },
    contentType: { type: "string", required: true },
    size: { type: "number", required: true },
    sharedByName: { type: "string", required: true },
    digestDay: { type: "string" },
    ...timestamps,
  },
  indexes: {
    entry: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["inbox", "resourceId"] } },
    materialsFeed: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "inbox"] },
      sk: { field: "gsi1sk", composite: ["sharedAt", "resourceId"] },
    },
    recipientsOfResource: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "resourceId"] },
      sk: { field: "gsi2sk", composite: ["inbox"] },
    },
    materialsToAnnounce: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["digestDay"] },
      sk: { field: "gsi3sk", composite: ["studioId", "inbox", "resourceId"] },
    },
  },
});

/** A stored MaterialEntry item, as reads return it. */
export type MaterialEntryRecord = EntityItem<typeof MaterialEntryEntity>;
