import { z } from "../kernel/schema/openapi-zod";
import { INBOX_FOLDERS, MESSAGE_SOURCES, PARTY_KINDS, THREAD_KINDS } from "./thread.entity";

export const ThreadParticipantSchema = z
  .object({
    party: z.string().openapi({ description: "`studio`, `teacher:<id>`, `student:<id>` or `guardian:<familyId>:<guardianId>`" }),
    kind: z.enum(PARTY_KINDS),
    name: z.string(),
    unread: z.number().int(),
    readAt: z.string().nullable().openapi({ description: "When they last read the thread (read receipts)" }),
  })
  .openapi("ThreadParticipant");

export const ThreadSummarySchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    folder: z.enum(INBOX_FOLDERS),
    lastMessageAt: z.string(),
    lastSenderName: z.string(),
    preview: z.string(),
    unread: z.number().int().openapi({ description: "Messages the inbox's owner has not read" }),
    withNames: z.string().openapi({ description: "The other participants" }),
  })
  .openapi("ThreadSummary");

export const ThreadPageSchema = z
  .object({
    items: z.array(ThreadSummarySchema),
    nextCursor: z.string().nullable(),
    party: z.string().openapi({ description: "Whose inbox this is (`all`: every thread of the studio)" }),
    unreadThreads: z.number().int().openapi({ description: "Threads with unread messages in this inbox" }),
  })
  .openapi("ThreadPage");

export const MessageAttachmentSchema = z
  .object({ index: z.number().int(), name: z.string(), contentType: z.string(), size: z.number().int() })
  .openapi("MessageAttachment");

export const ThreadMessageSchema = z
  .object({
    id: z.string(),
    senderParty: z.string(),
    senderName: z.string(),
    body: z.string(),
    via: z.enum(MESSAGE_SOURCES).openapi({ description: "`email`: a reply by email" }),
    attachments: z.array(MessageAttachmentSchema),
    readBy: z.array(z.string()).openapi({ description: "The other participants who have read it (names)" }),
    mine: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("ThreadMessage");

export const ThreadSchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    kind: z.enum(THREAD_KINDS),
    group: z.object({ kind: z.enum(["band", "class"]), id: z.string() }).nullable(),
    studentIds: z.array(z.string()),
    participants: z.array(ThreadParticipantSchema),
    me: z.string().nullable().openapi({ description: "The party the caller speaks as here (null: an admin reading a thread the studio is not in yet)" }),
    folder: z.enum(INBOX_FOLDERS).nullable(),
    lastMessageAt: z.string(),
    messageCount: z.number().int(),
    createdAt: z.string(),
    messages: z.array(ThreadMessageSchema).openapi({ description: "Newest first, one page" }),
    nextCursor: z.string().nullable().openapi({ description: "Older messages" }),
  })
  .openapi("Thread");

export const AttachmentUploadSchema = z
  .object({ uploadKey: z.string(), url: z.string(), headers: z.record(z.string()), expiresAt: z.string() })
  .openapi("MessageAttachmentUpload");

export const AttachmentLinkSchema = z.object({ url: z.string(), expiresAt: z.string() }).openapi("MessageAttachmentLink");

const ChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  detail: z.string().nullable().openapi({ description: "A student's family id; a class's weekday and time; whom a family's teacher teaches" }),
});

export const RecipientChoicesSchema = z
  .object({
    studio: z.object({ name: z.string() }).openapi({ description: "The studio itself (its office): anyone may write to it" }),
    teachers: z.array(ChoiceSchema),
    students: z.array(ChoiceSchema),
    families: z.array(ChoiceSchema),
    bands: z.array(ChoiceSchema),
    classes: z.array(ChoiceSchema),
  })
  .openapi("RecipientChoices");

export type RecipientChoices = z.infer<typeof RecipientChoicesSchema>;
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;
export type ThreadPage = z.infer<typeof ThreadPageSchema>;
export type ThreadView = z.infer<typeof ThreadSchema>;
export type ThreadMessageView = z.infer<typeof ThreadMessageSchema>;
