import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { NOTIFICATION_TYPES } from "./notification-types";

/**
 * An address that asked a studio to stop one type of non-essential mail. Keyed by the address,
 * not a user: most families never sign in. One partition per (studio, address), so a sender
 * checks its recipients with one BatchGetItem and the preferences page reads them with one Query.
 * Resubscribing deletes the item.
 */
export const NotificationOptOutEntity = new Entity({
  model: { entity: "notificationOptOut", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    /** Lower-cased. */
    email: { type: "string", required: true, readOnly: true },
    type: { type: NOTIFICATION_TYPES, required: true, readOnly: true },
    /** Where the choice was made: an email's unsubscribe link, or the signed-in preferences page. */
    source: { type: ["link", "preferences"] as const, required: true },
    ...timestamps,
  },
  indexes: {
    optOut: {
      pk: { field: "pk", composite: ["studioId", "email"] },
      sk: { field: "sk", composite: ["type"] },
    },
  },
});
