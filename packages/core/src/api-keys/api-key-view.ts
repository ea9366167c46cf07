import type { ApiKeyRecord, ApiKeyScope } from "./api-key.entity";
import { keyPrefix } from "../kernel/keys/api-key-token";

export interface ApiKeyView {
  id: string;
  name: string;
  /** `ssk_<first characters>…`: the key itself is shown once, when created. */
  prefix: string;
  scopes: ApiKeyScope[];
  expiresAt: string;
  lastUsedAt: string | null;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
}

export function toApiKey(record: ApiKeyRecord, now = new Date()): ApiKeyView {
  return {
    id: record.keyId,
    name: record.name,
    prefix: keyPrefix(record.keyId),
    scopes: record.scopes as ApiKeyScope[],
    expiresAt: record.expiresOn,
    lastUsedAt: record.lastUsedAt ?? null,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    revokedAt: record.revokedAt ?? null,
    status: record.revokedAt ? "revoked" : record.expiresOn <= now.toISOString() ? "expired" : "active",
  };
}
