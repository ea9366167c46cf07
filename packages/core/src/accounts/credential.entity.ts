import { Entity } from "../kernel/db/entity";
import { SERVICE, expiresAt, timestamps } from "../kernel/db/attributes";

/**
 * Login by email: the deliberate email → user lookup. Keyed by the normalised email, so its
 * conditional create is what makes emails unique (case-insensitively).
 */
export const CredentialEntity = new Entity({
  model: { entity: "credential", version: "1", service: SERVICE },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    passwordHash: { type: "string", required: true },
    emailVerifiedAt: { type: "string" },
    /**
     * Bumped on every password change: refresh tokens and emailed links (reset, verification) of
     * an older epoch stop working.
     */
    sessionEpoch: { type: "number", required: true, default: 0 },
    /** Only while unverified: an unconfirmed sign-up lapses (see email-claim.ts). */
    expiresAt,
    ...timestamps,
  },
  indexes: {
    credential: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
