import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** Who takes part in a thread, as its item stores them (see parties.ts for the keys). */
export const PARTY_KINDS = ["studio", "teacher", "guardian", "student"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const THREAD_KINDS = ["direct", "group"] as const;
export const GROUP_KINDS = ["band", "class"] as const;

/**
 * A conversation. Its participants live in the item itself (name, address, unread count, folder,
 * mail due), so posting reads the thread with the sender's membership in one BatchGetItem and
 * writes the message, the thread and every participant's inbox entry (a projection of the thread
 * and the participant, thread-state.ts) in one transaction conditional on `version`.
 * `studioThreads` lists a studio's threads by their last message (admins' "all conversations").
 */
export const ThreadEntity = new Entity({
  model: { entity: "thread", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    subject: { type: "string", required: true },
    kind: { type: THREAD_KINDS, required: true, readOnly: true },
    /** A band's or a class's thread: whose members it was opened with. */
    groupKind: { type: GROUP_KINDS, readOnly: true },
    groupId: { type: "string", readOnly: true },
    /** The students it is about: the policy shows it to whoever the people rules show them to. */
    studentIds: { type: "list", items: { type: "string" }, required: true },
    participants: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          party: { type: "string", required: true },
          kind: { type: PARTY_KINDS, required: true },
          name: { type: "string", required: true },
          /** Where its mail goes (none for the studio: the studio's contact address, read when mailing). */
          email: { type: "string" },
          unread: { type: "number", required: true },
          /** When it last read the thread (read receipts). */
          readAt: { type: "string" },
          /** Its own folder for the thread (a new message brings an archived thread back). */
          archived: { type: "boolean" },
          /** When the mail about its unread messages is due (set by the first of a burst; the mail job clears it). */
          mailDueAt: { type: "string" },
          /** The newest message (its time) it was mailed about. */
          mailedThrough: { type: "string" },
        },
      },
    },
    lastMessageAt: { type: "string", required: true },
    lastSenderName: { type: "string", required: true },
    preview: { type: "string", required: true },
    messageCount: { type: "number", required: true },
    /** Every write of the thread moves it by one, on condition it is as read. */
    version: { type: "number", required: true },
    createdBy: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    thread: {
      collection: "conversation",
      pk: { field: "pk", composite: ["studioId", "threadId"] },
      sk: { field: "sk", composite: [] },
    },
    studioThreads: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId"] },
      sk: { field: "gsi1sk", composite: ["lastMessageAt", "threadId"] },
    },
  },
});

export const MESSAGE_SOURCES = ["app", "email"] as const;

/** One message of a thread, in its partition, ordered by its time-ordered id (UUID v7). */
export const ThreadMessageEntity = new Entity({
  model: { entity: "threadMessage", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    senderParty: { type: "string", required: true, readOnly: true },
    senderName: { type: "string", required: true, readOnly: true },
    /** The member who wrote it (none for a reply by email from someone without a login). */
    senderUserId: { type: "string", readOnly: true },
    body: { type: "string", required: true, readOnly: true },
    attachments: {
      type: "list",
      items: {
        type: "map",
        properties: {
          /** The S3 key (studio-scoped) or, for a library file, the resource's id. */
          key: { type: "string", required: true },
          name: { type: "string", required: true },
          contentType: { type: "string", required: true },
          size: { type: "number", required: true },
          resourceId: { type: "string" },
        },
      },
    },
    via: { type: MESSAGE_SOURCES, required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    message: {
      collection: "conversation",
      pk: { field: "pk", composite: ["studioId", "threadId"] },
      sk: { field: "sk", composite: ["messageId"] },
    },
  },
});

export const INBOX_FOLDERS = ["inbox", "archived"] as const;

/**
 * A participant's entry for a thread, always written whole from the thread (thread-state.ts): its
 * inbox (`inbox`, newest activity first, per folder) with the unread count, and the mail it is owed. `mailDueDay`/`mailDueAt` key the sparse
 * `messageMailDue` index (a deliberate cross-tenant work queue, read only by the message mail
 * job): set by the first unread message a participant is mailed about, removed once mailed.
 */
export const ThreadInboxEntity = new Entity({
  model: { entity: "threadInbox", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    party: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    subject: { type: "string", required: true },
    folder: { type: INBOX_FOLDERS, required: true },
    lastMessageAt: { type: "string", required: true },
    lastSenderName: { type: "string", required: true },
    preview: { type: "string", required: true },
    unread: { type: "number", required: true },
    /** The other participants' names, for the list. */
    withNames: { type: "string", required: true },
    /** Every participant's party key, for "threads with this person". */
    parties: { type: "list", items: { type: "string" }, required: true },
    mailDueDay: { type: "string" },
    mailDueAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    entry: {
      pk: { field: "pk", composite: ["studioId", "party"] },
      sk: { field: "sk", composite: ["threadId"] },
    },
    inbox: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "party"] },
      sk: { field: "gsi1sk", composite: ["folder", "lastMessageAt", "threadId"] },
    },
    messageMailDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["mailDueDay"] },
      sk: { field: "gsi2sk", composite: ["mailDueAt"] },
    },
  },
});

/** A participant's unread threads, read with the membership in one BatchGetItem (the bell, the inbox's count). */
export const InboxSummaryEntity = new Entity({
  model: { entity: "inboxSummary", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    party: { type: "string", required: true, readOnly: true },
    unreadThreads: { type: "number", required: true },
    ...timestamps,
  },
  indexes: {
    summary: {
      pk: { field: "pk", composite: ["studioId", "party"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type ThreadRecord = EntityItem<typeof ThreadEntity>;
export type ThreadParticipant = ThreadRecord["participants"][number];
export type ThreadMessageRecord = EntityItem<typeof ThreadMessageEntity>;
export type ThreadInboxRecord = EntityItem<typeof ThreadInboxEntity>;
