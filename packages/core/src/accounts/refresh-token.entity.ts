import { Entity } from "../kernel/db/entity";
import { SERVICE, expiresAt, timestamps } from "../kernel/db/attributes";

/** A refresh token, stored only as its SHA-256: the deliberate token hash → session lookup. */
export const RefreshTokenEntity = new Entity({
  model: { entity: "refreshToken", version: "1", service: SERVICE },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    familyId: { type: "string", required: true, readOnly: true },
    /** The credential whose epoch the token belongs to. */
    email: { type: "string", required: true, readOnly: true },
    sessionEpoch: { type: "number", required: true, readOnly: true },
    rotatedAt: { type: "string" },
    expiresAt,
    ...timestamps,
  },
  indexes: {
    token: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
