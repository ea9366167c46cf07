import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { expiresAt, SERVICE, timestamps } from "../kernel/db/attributes";
import { PREFERENCE_TYPES } from "./notification-types";

/**
 * One entry of a person's in-app notification centre (seed 000 `Notification`, seed 004
 * `notifications`): what an email told them, kept for the bell. Keyed by the recipient's login
 * and de-duplicated by (recipient, type, subject, local day): a second notice about the same
 * invoice, thread or lesson on the same day in the studio's zone updates the entry (its count,
 * its newest title) and makes it unread again instead of adding one.
 *
 * Sparse indexes:
 * - `unreadNotifications` (gsi1; `unreadBy`/`unreadAt` while unread and shown): the bell's count, one Query;
 * - `noticeDigestsDue` (gsi2; `digestDay`/`digestAt` while waiting for a daily digest): the digest job's queue.
 */
export const NotificationEntity = new Entity({
  model: { entity: "notification", version: "1", service: SERVICE },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    /** The local day (studio's zone) of the notice: the de-duplication's day. */
    day: { type: "string", required: true, readOnly: true },
    type: { type: PREFERENCE_TYPES, required: true, readOnly: true },
    /** What it is about, e.g. `invoice:<id>`, `thread:<id>`, `lesson:<id>`. */
    subject: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true },
    studioName: { type: "string", required: true },
    /** The address the email went to (the digest's). */
    email: { type: "string", required: true },
    zone: { type: "string", required: true },
    title: { type: "string", required: true },
    text: { type: "string" },
    /** Where it leads in the site (the portal's or the workspace's page, or the email's signed page). */
    link: { type: "string" },
    /** How many notices the entry stands for (a burst of messages in a thread is one entry). */
    count: { type: "number", required: true, default: 1 },
    lastAt: { type: "string", required: true },
    /** The outbox message that last counted (a stream record delivered twice counts once). */
    lastSource: { type: "string", required: true },
    /** Whether it shows in the centre (the person may keep a type out of it and still get its digest). */
    inApp: { type: "boolean", required: true },
    readAt: { type: "string" },
    unreadBy: { type: "string" },
    unreadAt: { type: "string" },
    digestDay: { type: "string" },
    digestAt: { type: "string" },
    ...timestamps,
    expiresAt,
  },
  indexes: {
    notification: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["day", "type", "subject"] },
    },
    unreadNotifications: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["unreadBy"] },
      sk: { field: "gsi1sk", composite: ["unreadAt"] },
    },
    noticeDigestsDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["digestDay"] },
      sk: { field: "gsi2sk", composite: ["digestAt"] },
    },
  },
});

export type NotificationRecord = EntityItem<typeof NotificationEntity>;

/** An entry's key, from the entry. */
export const entryKey = (e: Pick<NotificationRecord, "userId" | "day" | "type" | "subject">) => ({
  userId: e.userId,
  day: e.day,
  type: e.type,
  subject: e.subject,
});
