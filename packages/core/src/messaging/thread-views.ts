import type { ThreadInboxRecord, ThreadMessageRecord, ThreadRecord } from "./thread.entity";
import type { ThreadMessageView, ThreadSummary, ThreadView } from "./thread-schemas";

export const toThreadSummary = (entry: ThreadInboxRecord): ThreadSummary => ({
  id: entry.threadId,
  subject: entry.subject,
  folder: entry.folder,
  lastMessageAt: entry.lastMessageAt,
  lastSenderName: entry.lastSenderName,
  preview: entry.preview,
  unread: entry.unread,
  withNames: entry.withNames,
});

/** A thread as the studio's list shows it (every participant's names; nothing unread of anyone's). */
export const toStudioSummary = (thread: ThreadRecord): ThreadSummary => ({
  id: thread.threadId,
  subject: thread.subject,
  folder: "inbox",
  lastMessageAt: thread.lastMessageAt,
  lastSenderName: thread.lastSenderName,
  preview: thread.preview,
  unread: 0,
  withNames: thread.participants.map((p) => p.name).join(", "),
});

/** The other participants who have read a message: their last read is at or after it. */
export const readersOf = (thread: ThreadRecord, message: ThreadMessageRecord) =>
  thread.participants.filter((p) => p.party !== message.senderParty && p.readAt && p.readAt >= message.createdAt).map((p) => p.name);

export const toMessage = (message: ThreadMessageRecord, readBy: string[], me: string | undefined): ThreadMessageView => ({
  id: message.messageId,
  senderParty: message.senderParty,
  senderName: message.senderName,
  body: message.body,
  via: message.via,
  attachments: (message.attachments ?? []).map((file, index) => ({ index, name: file.name, contentType: file.contentType, size: file.size })),
  readBy,
  mine: message.senderParty === me,
  createdAt: message.createdAt,
});

export function toThread(thread: ThreadRecord, messages: ThreadMessageRecord[], me: string | undefined, nextCursor: string | null): ThreadView {
  const mine = thread.participants.find((p) => p.party === me);
  return {
    id: thread.threadId,
    subject: thread.subject,
    kind: thread.kind,
    group: thread.groupKind && thread.groupId ? { kind: thread.groupKind, id: thread.groupId } : null,
    studentIds: thread.studentIds,
    participants: thread.participants.map((p) => ({ party: p.party, kind: p.kind, name: p.name, unread: p.unread, readAt: p.readAt ?? null })),
    me: mine ? mine.party : null,
    folder: mine ? (mine.archived ? "archived" : "inbox") : null,
    lastMessageAt: thread.lastMessageAt,
    messageCount: thread.messageCount,
    createdAt: thread.createdAt,
    messages: messages.map((m) => toMessage(m, readersOf(thread, m), me)),
    nextCursor,
  };
}
