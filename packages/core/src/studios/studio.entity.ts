import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { directoryName } from "./directory-name";

/** A studio (tenant). `studioBySlug` is the one deliberate cross-tenant lookup: slug → studio. */
export const StudioEntity = new Entity({
  model: { entity: "studio", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    slug: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    currency: { type: "string", required: true },
    description: { type: "string" },
    website: { type: "string" },
    email: { type: "string" },
    phone: { type: "string" },
    address: { type: "string" },
    city: { type: "string" },
    state: { type: "string" },
    country: { type: "string" },
    postalCode: { type: "string" },
    logoKey: { type: "string" },
    /** Bytes of the studio's resource files stored now (every version, the trash until purged), moved in the same transaction as the files' records. */
    storageBytes: { type: "number" },
    themeColor: { type: "string" },
    isActive: { type: "boolean", required: true, default: true },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    deletedAt: { type: "string" },
    /**
     * Set while the studio is paused: its platform invoice unpaid past the grace period
     * (platform-billing/), or suspended by the platform's operators. Its members may then only read
     * and pay (policy/paused-studio.ts); families' pages, emails and jobs go on.
     */
    pausedReason: { type: ["unpaid", "suspended"] as const },
    pausedAt: { type: "string" },
    /** The name as the operators' directory sorts and searches it (directory-name.ts), kept with the name. */
    directoryName: { type: "string", watch: ["name"], set: (_: unknown, item: { name?: string }) => directoryName(item.name ?? "") },
    ...timestamps,
  },
  indexes: {
    studio: {
      pk: { field: "pk", composite: ["studioId"] },
      sk: { field: "sk", composite: [] },
    },
    studioBySlug: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["slug"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    /**
     * Every studio by name, for the platform's operators (core/operators/): the other deliberate
     * cross-tenant read, listed in name order and searched by a name's start. One partition: each
     * write of a studio item rewrites its entry, and studio items change rarely (settings, stored
     * bytes, a pause), far below a partition's limits. Migration 0002-studio-directory filled it for
     * studios made before it.
     */
    studioDirectory: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: [] },
      sk: { field: "gsi2sk", composite: ["directoryName"] },
    },
  },
});

/** A stored Studio item, as reads return it. */
export type StudioRecord = EntityItem<typeof StudioEntity>;
