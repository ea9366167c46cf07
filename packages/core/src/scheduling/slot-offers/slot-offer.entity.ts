import type { EntityItem } from "electrodb";
import { expiresAt, SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const SLOT_OFFER_STATUSES = ["pending", "sent", "claimed", "closed"] as const;

/**
 * A lesson slot freed by a cancellation, offered to the families holding a make-up credit with its
 * teacher (seeds: make-up broadcast). Written with the cancellation; `pending` until the broadcast
 * job has emailed it (`sent`); the first claim turns it `claimed` on condition it is still `sent`,
 * so of families racing for it exactly one books it. Keyed by the freed lesson (one offer each).
 *
 * `pendingDay` keys the sparse `slotOffersDue` index (a cross-tenant work queue read only by the
 * broadcast job), removed once the offer is broadcast or dropped.
 */
export const SlotOfferEntity = new Entity({
  model: { entity: "slotOffer", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    /** The cancelled lesson whose slot this is. */
    offerId: { type: "string", required: true, readOnly: true },
    teacherId: { type: "string", required: true, readOnly: true },
    start: { type: "string", required: true, readOnly: true },
    end: { type: "string", required: true, readOnly: true },
    status: { type: SLOT_OFFER_STATUSES, required: true },
    /** Addresses emailed, once the broadcast ran. */
    recipients: { type: "number" },
    claimedBy: { type: "string" },
    claimedLessonId: { type: "string" },
    pendingDay: { type: "string" },
    ...timestamps,
    expiresAt,
  },
  indexes: {
    offer: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["offerId"] } },
    slotOffersDue: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["pendingDay"] },
      sk: { field: "gsi1sk", composite: ["studioId", "offerId"] },
    },
  },
});

/** A stored SlotOffer item, as reads return it. */
export type SlotOfferRecord = EntityItem<typeof SlotOfferEntity>;
