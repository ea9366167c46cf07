import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

export const WAITLIST_STATES = ["waiting", "offered"] as const;
export type WaitlistState = (typeof WAITLIST_STATES)[number];

/**
 * A student waiting for a seat in a full slot (seeds 004: Waitlist). Keyed by (slot, student), so
 * a student waits once per slot; ordered by `entryId` (UUIDv7: the order they joined) in the
 * slot's queue (gsi1). A freed seat makes the first waiting entry `offered` with a claim-by
 * instant (the seat is held for it); claiming admits the student and removes the entry, declining
 * or letting it lapse removes it and offers the seat to the next.
 */
export const WaitlistEntryEntity = new Entity({
  model: { entity: "waitlistEntry", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    slotId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    entryId: { type: "string", required: true, readOnly: true },
    /** The student's name when they joined (the queue shows it without reading the student). */
    studentName: { type: "string" },
    /** The plan the family asked for (the admission's plan when they claim). */
    planId: { type: "string", required: true, readOnly: true },
    state: { type: WAITLIST_STATES, required: true },
    offeredAt: { type: "string" },
    /** UTC instant the offer lapses. */
    claimBy: { type: "string" },
    /** One id per offer, so an old link (or queue item) never acts on a later offer. */
    offerId: { type: "string" },
    joinedBy: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    waitlistEntry: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["slotId", "studentId"] } },
    /** The slot's queue, in the order students joined. */
    waitlistOrder: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "slotId"] },
      sk: { field: "gsi1sk", composite: ["entryId"] },
    },
  },
});

/**
 * The offer-expiry job's work queue: an open offer keyed by the UTC hour its claim-by falls in,
 * across studios (a deliberate cross-tenant work item read only by the job, like LoanDue).
 */
export const ClassOfferDueEntity = new Entity({
  model: { entity: "classOfferDue", version: "1", service: SERVICE },
  attributes: {
    hour: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    slotId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    offerId: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    classOfferDue: { pk: { field: "pk", composite: ["hour"] }, sk: { field: "sk", composite: ["studioId", "slotId", "studentId"] } },
  },
});

/** A stored WaitlistEntry, as reads return it. */
export type WaitlistEntryRecord = EntityItem<typeof WaitlistEntryEntity>;
