import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** What a reply address answers: a thread (the reply is posted), or a lesson's email (reply commands). */
export const REPLY_TARGETS = ["thread", "lesson"] as const;

/**
 * The one deliberate cross-tenant lookup of inbound mail: a reply address's id (the local part of
 * `r-<id>-<mac>@<reply domain>`, see kernel/keys/reply-token.ts) → the studio, the thread (or lesson)
 * and the participant it was given to, with the address it was mailed to (only mail from that
 * address is taken). Written with each notification mail; `validUntil` moves with every mail, so
 * an address stops working some time after its last use; `revokedAt` stops it at once.
 */
export const ReplyAddressEntity = new Entity({
  model: { entity: "replyAddress", version: "1", service: SERVICE },
  attributes: {
    replyId: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    target: { type: REPLY_TARGETS, required: true, readOnly: true },
    threadId: { type: "string" },
    lessonId: { type: "string" },
    party: { type: "string", required: true, readOnly: true },
    /** Lower-cased: the only sender whose mail is taken. */
    email: { type: "string", required: true },
    validUntil: { type: "string", required: true },
    revokedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    replyAddress: {
      pk: { field: "pk", composite: ["replyId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type ReplyAddressRecord = EntityItem<typeof ReplyAddressEntity>;
