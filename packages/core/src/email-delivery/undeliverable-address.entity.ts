import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** Why mail to an address stopped: it bounced for good, or its owner reported our mail as spam. */
export const UNDELIVERABLE_REASONS = ["bounce", "complaint"] as const;
export type UndeliverableReason = (typeof UNDELIVERABLE_REASONS)[number];

/**
 * An address mail no longer goes to (a permanent bounce or a complaint reported by SES, see
 * ses-events.ts). A fact about the address, like SES's own suppression list, not a tenant record:
 * keyed by the normalised address alone, so the outbox consumer checks a recipient with one
 * GetItem whichever studio mails it. `scope` and `messageId` name the message that caused it, so
 * that studio's staff see the details; the latest event wins.
 */
export const UndeliverableAddressEntity = new Entity({
  model: { entity: "undeliverableAddress", version: "1", service: SERVICE },
  attributes: {
    /** Lower-cased and trimmed (normalAddress). */
    email: { type: "string", required: true, readOnly: true },
    reason: { type: UNDELIVERABLE_REASONS, required: true },
    /** SES's bounceType and bounceSubType ("Permanent", "General"…); none for complaints. */
    bounceType: { type: "string" },
    bounceSubType: { type: "string" },
    /** The receiving server's diagnostic ("smtp; 550 5.1.1 user unknown") or the complaint's feedback type ("abuse"), shortened. */
    diagnostic: { type: "string" },
    /** When SES saw the bounce or complaint. */
    at: { type: "string", required: true },
    /** The outbox message that caused it (scope = studio id or "accounts"), when known. */
    scope: { type: "string" },
    messageId: { type: "string" },
    ...timestamps,
  },
  indexes: {
    address: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type UndeliverableAddress = EntityItem<typeof UndeliverableAddressEntity>;

/** How every lookup spells an address: trimmed and lower-cased. */
export const normalAddress = (email: string) => email.trim().toLowerCase();
