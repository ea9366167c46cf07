import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** What a key may do (policy/api-key-scopes.ts): read the studio, change it, and its billing. */
export const API_KEY_SCOPES = ["read", "write", "billing"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A studio's API key (seen once, at creation): a developer's systems call the API with it as a
 * Bearer token, `ssk_<keyId>_<secret>`. Only the secret's SHA-256 is kept. Every request reads the
 * key by id in the batch it already makes (policy/session-check.ts), so a revocation or an expiry
 * takes effect at once. `lastUsedAt` moves at most once a minute.
 */
export const ApiKeyEntity = new Entity({
  model: { entity: "apiKey", version: "1", service: SERVICE },
  attributes: {
    keyId: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true, readOnly: true },
    secretHash: { type: "string", required: true, readOnly: true },
    /** Of API_KEY_SCOPES (checked when the key is made). */
    scopes: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    /** UTC ISO: the key stops working then. */
    expiresOn: { type: "string", required: true, readOnly: true },
    lastUsedAt: { type: "string" },
    revokedAt: { type: "string" },
    revokedBy: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    apiKey: { pk: { field: "pk", composite: ["keyId"] }, sk: { field: "sk", composite: [] } },
    studioKeys: { index: "gsi1", pk: { field: "gsi1pk", composite: ["studioId"] }, sk: { field: "gsi1sk", composite: ["createdAt", "keyId"] } },
  },
});

export type ApiKeyRecord = EntityItem<typeof ApiKeyEntity>;
