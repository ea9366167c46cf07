import { Entity } from "../kernel/db/entity";
import { SERVICE, expiresAt, timestamps } from "../kernel/db/attributes";

/**
 * One sign-in: the chain of refresh tokens rotated from it. Revoking it ends them all, and the
 * access tokens issued from it (every authenticated request reads it, policy/session-check.ts).
 */
export const SessionFamilyEntity = new Entity({
  model: { entity: "sessionFamily", version: "1", service: SERVICE },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    familyId: { type: "string", required: true, readOnly: true },
    /** The browser or app that signed in (its User-Agent, shortened), for the list of active sign-ins. */
    userAgent: { type: "string" },
    /** When its refresh token was last rotated (or the sign-in began): roughly when it was last used. */
    lastUsedAt: { type: "string" },
    revokedAt: { type: "string" },
    revokedReason: { type: ["logout", "reuse_detected", "password_changed", "email_changed", "signed_out_elsewhere"] as const },
    expiresAt,
    ...timestamps,
  },
  indexes: {
    family: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["familyId"] },
    },
  },
});
