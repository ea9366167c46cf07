import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE } from "../kernel/db/attributes";

/** What the platform's operators do, and who was made or unmade one (by `npm run operator`). */
export const OPERATOR_ACTIONS = ["studio.suspended", "studio.unsuspended", "operator.granted", "operator.revoked"] as const;
export type OperatorActionName = (typeof OPERATOR_ACTIONS)[number];

/**
 * The platform's own audit log: one item per operator action, written in the same transaction as
 * the change it records (a suspension also writes an event into the studio's own log). Listed
 * newest first (the time-ordered id) for every operator (`operatorActions`: one partition, at the
 * rate people act), and per studio or user it was about (`operatorActionsBySubject`).
 * `subjectName` and `actorEmail` keep what they were then, so the log reads the same after a rename.
 */
export const OperatorActionEntity = new Entity({
  model: { entity: "operatorAction", version: "1", service: SERVICE },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    action: { type: OPERATOR_ACTIONS, required: true, readOnly: true },
    /** The operator's user id, or `cli:<who>` for the operator script. */
    actorId: { type: "string", required: true, readOnly: true },
    actorEmail: { type: "string", readOnly: true },
    subjectType: { type: ["studio", "user"] as const, required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    subjectName: { type: "string", readOnly: true },
    /** Why, in the operator's words (required to suspend). */
    reason: { type: "string", readOnly: true },
    /** Changed fields only: `{ field: { before, after } }`, as the studio's audit log keeps them. */
    changes: { type: "any", readOnly: true },
    at: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    operatorActions: {
      pk: { field: "pk", composite: [] },
      sk: { field: "sk", composite: ["eventId"] },
    },
    operatorActionsBySubject: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["subjectType", "subjectId"] },
      sk: { field: "gsi1sk", composite: ["eventId"] },
    },
  },
});

export type OperatorActionRecord = EntityItem<typeof OperatorActionEntity>;
