import type { EntityItem } from "electrodb";
import { expiresAt, SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** A studio domain is `pending` until its TXT record is found, then `verified` (and served). */
export const DOMAIN_STATUSES = ["pending", "verified"] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

/**
 * A hostname a studio attached to its public pages (`www.riverside-music.com`), under the studio.
 * Its claim (domain-claim.entity.ts) is written in the same transaction, so one hostname belongs to
 * one studio. It is served once verified: the owner publishes a TXT record named
 * `_studiosync-verify.<hostname>` with `studiosync-verify=<token>` and asks for a check. A pending
 * domain lapses after PENDING_DAYS (`expiresAt`, with its claim), so nobody holds a hostname they
 * never prove they control.
 */
export const StudioDomainEntity = new Entity({
  model: { entity: "studioDomain", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    /** Lower-case ASCII (an internationalized name in punycode), no trailing dot (hostname.ts). */
    hostname: { type: "string", required: true, readOnly: true },
    /** The random part of the TXT record's value. */
    token: { type: "string", required: true, readOnly: true },
    status: { type: DOMAIN_STATUSES, required: true, default: "pending" },
    verifiedAt: { type: "string" },
    /** The last DNS check, and what it found wrong (cleared once verified). */
    lastCheckedAt: { type: "string" },
    lastError: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    /** Pending only: when it lapses (epoch seconds; DynamoDB's TTL, filtered on where read). */
    expiresAt,
    ...timestamps,
  },
  indexes: {
    studioDomain: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["hostname"] } },
  },
});

export type StudioDomainRecord = EntityItem<typeof StudioDomainEntity>;
