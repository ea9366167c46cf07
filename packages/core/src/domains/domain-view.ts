import type { DomainStatus, StudioDomainRecord } from "./studio-domain.entity";
import { verificationName, verificationValue } from "./verification-record";

export interface DomainView {
  hostname: string;
  status: DomainStatus;
  /** The TXT record the owner publishes to prove the domain is theirs. */
  verification: { type: "TXT"; name: string; value: string };
  createdAt: string;
  verifiedAt: string | null;
  lastCheckedAt: string | null;
  /** What the last check found wrong, in words for the owner. */
  lastError: string | null;
  /** Pending: when it lapses unless verified. */
  expiresAt: string | null;
}

export function toDomain(record: StudioDomainRecord): DomainView {
  return {
    hostname: record.hostname,
    status: record.status,
    verification: { type: "TXT", name: verificationName(record.hostname), value: verificationValue(record.token) },
    createdAt: record.createdAt,
    verifiedAt: record.verifiedAt ?? null,
    lastCheckedAt: record.lastCheckedAt ?? null,
    lastError: record.lastError ?? null,
    expiresAt: record.expiresAt === undefined ? null : new Date(record.expiresAt * 1000).toISOString(),
  };
}
