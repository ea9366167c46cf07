import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { MAIL_CHOICES, PREFERENCE_TYPES } from "./notification-types";

/**
 * An address's preference for one type of notice from a studio, where it differs from the
 * default (emailed as it happens, and shown in the app). Keyed by the address, not a user: most
 * families never sign in, and an email's unsubscribe link writes it too. One partition per
 * (studio, address), so a sender checks its recipients with one BatchGetItem and the preferences
 * pages read them with one Query. Back to the defaults deletes the item.
 *
 * `mail` absent is `off`: the item first only recorded an unsubscribe.
 */
export const NotificationOptOutEntity = new Entity({
  model: { entity: "notificationOptOut", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    /** Lower-cased. */
    email: { type: "string", required: true, readOnly: true },
    type: { type: PREFERENCE_TYPES, required: true, readOnly: true },
    /** How the type's email goes: as it happens, in the daily digest, or not at all (absent: off). */
    mail: { type: MAIL_CHOICES },
    /** Whether the type shows in the in-app notification centre (absent: it does). */
    inApp: { type: "boolean" },
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
