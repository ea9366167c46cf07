import { z } from "../../kernel/schema/openapi-zod";
import { RECEIPT_STATUSES } from "../../delivery-receipts/module";
import { ANNOUNCEMENT_STATUSES, AUDIENCE_KINDS } from "../announcement.entity";

export const AnnouncementSummarySchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    status: z.enum(ANNOUNCEMENT_STATUSES),
    audience: z.object({ kind: z.enum(AUDIENCE_KINDS), label: z.string() }),
    email: z.boolean(),
    inApp: z.boolean(),
    sendAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    authorName: z.string(),
    recipientCount: z.number().int().nullable().openapi({ description: "Set once its audience is resolved (when it starts going out)" }),
    emailCount: z.number().int().nullable(),
    queuedCount: z.number().int().openapi({ description: "Emails handed to the outbox so far (the progress of `sending`)" }),
  })
  .openapi("AnnouncementSummary");

export const AnnouncementCountsSchema = z
  .object(
    Object.fromEntries([...RECEIPT_STATUSES, "opened", "read"].map((s) => [s, z.number().int()])) as Record<
      (typeof RECEIPT_STATUSES)[number] | "opened" | "read",
      z.ZodNumber
    >,
  )
  .openapi("AnnouncementCounts", { description: "Recipients by the state of their copy; `opened` (where measured) and `read` (in the app) are counted apart" });

export const AnnouncementRecipientSchema = z
  .object({
    party: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    status: z.enum(RECEIPT_STATUSES),
    detail: z.string().nullable(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    readAt: z.string().nullable(),
  })
  .openapi("AnnouncementRecipient");

/** The announcement as its sender sees it (owners and admins): the text, the audience in full, the counts and a page of recipients. */
export const AnnouncementSchema = AnnouncementSummarySchema.extend({
  body: z.string(),
  audienceId: z.string().nullable(),
  picked: z.array(z.string()),
  counts: AnnouncementCountsSchema.nullable(),
  recipients: z.array(AnnouncementRecipientSchema),
  nextCursor: z.string().nullable(),
}).openapi("Announcement");

/** An announcement as someone it was sent to reads it. */
export const ReceivedAnnouncementSchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    body: z.string(),
    authorName: z.string(),
    studioName: z.string(),
    sentAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("ReceivedAnnouncement");

export const ReceivedAnnouncementSummarySchema = z
  .object({ id: z.string(), subject: z.string(), preview: z.string(), sentAt: z.string(), read: z.boolean() })
  .openapi("ReceivedAnnouncementSummary");

export const AnnouncementPageSchema = z
  .object({
    box: z.enum(["sent", "received"]),
    sent: z.array(AnnouncementSummarySchema),
    received: z.array(ReceivedAnnouncementSummarySchema),
    nextCursor: z.string().nullable(),
  })
  .openapi("AnnouncementPage", {
    description: "One page of the studio's announcements (`sent`) or of those sent to the caller (`received`); the other list is empty",
  });

export const AnnouncementPreviewSchema = z
  .object({
    audienceLabel: z.string(),
    recipientCount: z.number().int(),
    emailCount: z.number().int(),
    inAppCount: z.number().int(),
    sample: z.array(z.object({ name: z.string(), email: z.string().nullable() })).openapi({ description: "The first 20 recipients" }),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
  })
  .openapi("AnnouncementPreview");

export const AnnouncementTestSchema = z.object({ sentTo: z.string() }).openapi("AnnouncementTest");

export const AnnouncementViewSchema = z
  .object({
    kind: z.enum(["sender", "recipient"]),
    announcement: AnnouncementSchema.nullable().openapi({ description: "For owners and admins" }),
    received: ReceivedAnnouncementSchema.nullable().openapi({ description: "For someone it was sent to" }),
  })
  .openapi("AnnouncementView");

export const CancelledAnnouncementSchema = z
  .object({
    deleted: z.boolean().openapi({ description: "A draft is deleted; a scheduled announcement is kept, cancelled" }),
    announcement: AnnouncementSummarySchema.nullable(),
  })
  .openapi("CancelledAnnouncement");
