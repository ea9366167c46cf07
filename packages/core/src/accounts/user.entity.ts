import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";

/** A person's global account (one login across studios). */
export const UserEntity = new Entity({
  model: { entity: "user", version: "1", service: SERVICE },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    name: { type: "string", required: true },
    phone: { type: "string" },
    emailVerifiedAt: { type: "string" },
    /**
     * A role on the platform itself, not in any studio: "operator" sees every studio and may suspend
     * one (core/operators/). Set only by `npm run operator -- grant <email>` (packages/scripts),
     * never through the API; read with the sign-in (policy/platform-operator.ts).
     */
    platformRole: { type: ["operator"] as const },
    ...timestamps,
  },
  indexes: {
    user: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** A stored User item, as reads return it. */
export type UserRecord = EntityItem<typeof UserEntity>;
