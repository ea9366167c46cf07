import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** Whom an announcement goes to (announcements/audience.ts resolves each to people). */
export const AUDIENCE_KINDS = ["everyone", "families", "teachers", "teacher", "instrument", "class", "band", "list"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/**
 * - `draft`: saved, not sent; `scheduled`: goes out at `sendAt`;
 * - `sending`: its recipients are being handed to the outbox, a batch a minute within SES's send rate;
 * - `sent`: every copy is in the outbox (each one's fate is its delivery receipt); `cancelled`: a schedule called off.
 */
export const ANNOUNCEMENT_STATUSES = ["draft", "scheduled", "sending", "sent", "cancelled"] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/**
 * A message from the studio to an audience, by email and in the app (seed 002 messages: subject,
 * body, channel, audience, sent_at, status; its message_recipients are the outbox's delivery
 * receipts of mailing `announcement:<id>`). `dueDay`/`dueAt` key the sparse `announcementDue`
 * index (a deliberate cross-tenant work queue, read only by the announcements job): set while it
 * is scheduled or sending, removed once sent or cancelled.
 */
export const AnnouncementEntity = new Entity({
  model: { entity: "announcement", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    announcementId: { type: "string", required: true, readOnly: true },
    subject: { type: "string", required: true },
    body: { type: "string", required: true },
    audienceKind: { type: AUDIENCE_KINDS, required: true },
    /** The teacher, class or band; the instrument's name. */
    audienceId: { type: "string" },
    /** Hand-picked people (`family:<id>`, `student:<id>`, `teacher:<id>`). */
    picked: { type: "list", items: { type: "string" } },
    /** The audience in words ("All families", "Piano students"), fixed when sent. */
    audienceLabel: { type: "string", required: true },
    email: { type: "boolean", required: true },
    inApp: { type: "boolean", required: true },
    status: { type: ANNOUNCEMENT_STATUSES, required: true },
    sendAt: { type: "string" },
    startedAt: { type: "string" },
    sentAt: { type: "string" },
    /** Set once its audience is resolved (its receipts written). */
    recipientCount: { type: "number" },
    emailCount: { type: "number" },
    /** Emails handed to the outbox so far, and the last receipt (recipient key) handed. */
    queuedCount: { type: "number", required: true, default: 0 },
    cursor: { type: "string" },
    authorName: { type: "string", required: true },
    createdBy: { type: "string", required: true, readOnly: true },
    dueDay: { type: "string" },
    dueAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    announcement: {
      pk: { field: "pk", composite: ["studioId"] },
      sk: { field: "sk", composite: ["announcementId"] },
    },
    announcementDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["dueDay"] },
      sk: { field: "gsi2sk", composite: ["dueAt"] },
    },
  },
});

export type AnnouncementRecord = EntityItem<typeof AnnouncementEntity>;

/** The delivery receipts' mailing of an announcement. */
export const announcementMailing = (announcementId: string) => `announcement:${announcementId}`;
