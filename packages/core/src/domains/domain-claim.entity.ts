import type { EntityItem } from "electrodb";
import { expiresAt, SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * Claims a hostname platform-wide for one studio: written in the same transaction as the studio's
 * domain (studio-domain.entity.ts), on condition that no other studio holds it, so two studios can
 * never attach one host. It is also the public, cross-studio lookup "which studio does this host
 * show?" (studio-by-host.ts), which answers only once `verifiedAt` is set. A pending claim lapses
 * with its domain (`expiresAt`), and may then be taken by whoever adds the hostname next.
 */
export const DomainClaimEntity = new Entity({
  model: { entity: "domainClaim", version: "1", service: SERVICE },
  attributes: {
    hostname: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true },
    verifiedAt: { type: "string" },
    expiresAt,
    ...timestamps,
  },
  indexes: {
    domainClaim: { pk: { field: "pk", composite: ["hostname"] }, sk: { field: "sk", composite: [] } },
  },
});

export type DomainClaimRecord = EntityItem<typeof DomainClaimEntity>;
