import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { RESOURCE_KINDS } from "./file-types";

/** The kinds of document kept on a person's record. */
export const DOCUMENT_TYPES = ["consent", "enrolment", "medical", "other"] as const;

/** Whose record a person document is on. */
export const DOCUMENT_PERSON_KINDS = ["student", "family", "teacher"] as const;

/**
 * One file of the studio: a library resource (sheet music, a recording, a worksheet) or a
 * document on a person's record (a consent, enrolment or medical form), with its current version.
 *
 * `shelf` places it: "library", "trash", or `person#<kind>#<id>` for a person's documents; the
 * `resourcesOnShelf` index lists a shelf newest first with one Query. `sharedWith` is the list of
 * audience keys it is shared with (resource-share.entity.ts holds one item per audience, for the
 * audience's own lists). `totalBytes` counts every stored version; the studio's `storageBytes`
 * moves by the same amounts in the same transactions.
 *
 * In the trash, `purgeDay` (UTC date) keys the sparse, cross-tenant `resourcesToPurge` index the
 * purge job reads; the files sit under the trash prefix, which an S3 lifecycle rule empties too.
 */
export const ResourceEntity = new Entity({
  model: { entity: "resource", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    shelf: { type: "string", required: true },
    title: { type: "string", required: true },
    description: { type: "string" },
    instrument: { type: "string" },
    level: { type: "string" },
    tags: { type: "list", items: { type: "string" } },
    folder: { type: "string" },
    composer: { type: "string" },
    piece: { type: "string" },
    kind: { type: RESOURCE_KINDS, required: true },
    /** The current version: its file. */
    version: { type: "number", required: true },
    objectKey: { type: "string", required: true },
    fileName: { type: "string", required: true },
    contentType: { type: "string", required: true },
    size: { type: "number", required: true },
    /** Every version's bytes. */
    totalBytes: { type: "number", required: true },
    sharedWith: { type: "list", items: { type: "string" } },
    /** A person document: whose record, and what it is. */
    personKind: { type: DOCUMENT_PERSON_KINDS },
    personId: { type: "string" },
    documentType: { type: DOCUMENT_TYPES },
    createdBy: { type: "string", required: true },
    /** The uploader's name as families read it ("from Clara Weiss"). */
    createdByName: { type: "string", required: true },
    updatedBy: { type: "string" },
    /** In the trash: when it went there, the shelf it came from, and when it is purged. */
    trashedAt: { type: "string" },
    trashedFrom: { type: "string" },
    purgeDay: { type: "string" },
    ...timestamps,
  },
  indexes: {
    resource: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["resourceId"] } },
    resourcesOnShelf: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "shelf"] },
      sk: { field: "gsi1sk", composite: ["resourceId"] },
    },
    resourcesToPurge: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["purgeDay"] },
      sk: { field: "gsi2sk", composite: ["studioId", "resourceId"] },
    },
  },
});

/** A stored Resource item, as reads return it. */
export type ResourceRecord = EntityItem<typeof ResourceEntity>;
