import { Entity } from "../db/entity";
import { SERVICE, expiresAt, timestamps } from "../db/attributes";

/**
 * One sign-in: the chain of refresh tokens rotated from it. Revoking it ends them all, and the
 * access tokens issued from it (every authenticated request reads it, policy/session-check.ts).
 */
export const SessionFamilyEntity = new Entity({
  model: { entity: "sessionFamily", version: "1", service: SERVICE },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    familyId: { type: "string", required: true, readOnly: true },
    revokedAt: { type: "string" },
    revokedReason: { type: ["logout", "reuse_detected", "password_changed"] as const },
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
