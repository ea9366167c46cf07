import { AppError } from "../kernel/errors";
import { failsWith } from "../kernel/db/commit-writes";
import type { MessagingTx } from "./messaging-db";
import type { ThreadParticipant, ThreadRecord } from "./thread.entity";

/** Mail about new messages waits this long, so a burst of messages is one email. */
export const MAIL_DELAY_MS = 3 * 60_000;
const PREVIEW = 140;

export const previewOf = (body: string) => {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > PREVIEW ? `${line.slice(0, PREVIEW - 1)}…` : line;
};

/** Whether a participant gets mail about messages: it has an address (the studio's is read when mailing). */
export const mailable = (p: ThreadParticipant) => Boolean(p.email) || p.kind === "studio";

/** A participant without the fields that are unset (DynamoDB stores no undefined). */
const tidy = (p: ThreadParticipant): ThreadParticipant => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as ThreadParticipant;

/** Another thread write got in first (a message, a read, the mail job): read again and retry. */
export class ThreadRace extends Error {
  constructor() {
    super("The thread changed concurrently");
  }
}

/** Reruns a thread write from a fresh read when it lost a race on the thread's version; after many tries a 409. */
export async function withThreadRetry<T>(attempt: () => Promise<T>, tries = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ThreadRace)) throw error;
      if (i >= tries) throw new AppError("conflict", "The conversation is busy; try again");
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 15 * Math.min(i, 8)));
    }
  }
}

const next = (thread: ThreadRecord, participants: ThreadParticipant[], at: string): ThreadRecord => ({
  ...thread,
  participants: participants.map(tidy),
  version: thread.version + 1,
  updatedAt: at,
});

/**
 * The thread after a message from `sender` (who joins when not in it yet: the studio answering):
 * the sender has read everything; everyone else has one more unread message, the thread back in
 * their inbox, and, at the first unread message of a burst, a mail due MAIL_DELAY_MS later.
 */
export function withMessage(thread: ThreadRecord, sender: ThreadParticipant, message: { body: string; senderName: string; at: string }): ThreadRecord {
  const present = thread.participants.some((p) => p.party === sender.party);
  const participants = [...thread.participants, ...(present ? [] : [sender])].map((p): ThreadParticipant => {
    if (p.party === sender.party) return { ...p, unread: 0, readAt: message.at, archived: false, mailDueAt: undefined };
    const due = p.mailDueAt ?? (mailable(p) ? new Date(Date.parse(message.at) + MAIL_DELAY_MS).toISOString() : undefined);
    return { ...p, unread: p.unread + 1, archived: false, mailDueAt: due };
  });
  return {
    ...next(thread, participants, message.at),
    lastMessageAt: message.at,
    lastSenderName: message.senderName,
    preview: previewOf(message.body),
    messageCount: thread.messageCount + 1,
  };
}

/** The thread once `party` read it: nothing unread, nothing left to mail them. */
export const readBy = (thread: ThreadRecord, party: string, at: string): ThreadRecord =>
  next(
    thread,
    thread.participants.map((p) => (p.party === party ? { ...p, unread: 0, readAt: at, mailDueAt: undefined } : p)),
    at,
  );

/** The thread with `party`'s folder changed. */
export const filedBy = (thread: ThreadRecord, party: string, archived: boolean, at: string): ThreadRecord =>
  next(
    thread,
    thread.participants.map((p) => (p.party === party ? { ...p, archived } : p)),
    at,
  );

/** The thread once `party` was mailed about everything up to its last message. */
export const mailedTo = (thread: ThreadRecord, party: string, at: string): ThreadRecord =>
  next(
    thread,
    thread.participants.map((p) => (p.party === party ? { ...p, mailDueAt: undefined, mailedThrough: thread.lastMessageAt } : p)),
    at,
  );

const utcDay = (iso: string) => iso.slice(0, 10);

/** A participant's inbox entry: a projection of the thread and the participant, written whole. */
export function inboxEntry(thread: ThreadRecord, p: ThreadParticipant) {
  return {
    studioId: thread.studioId,
    party: p.party,
    threadId: thread.threadId,
    subject: thread.subject,
    folder: p.archived ? ("archived" as const) : ("inbox" as const),
    lastMessageAt: thread.lastMessageAt,
    lastSenderName: thread.lastSenderName,
    preview: thread.preview,
    unread: p.unread,
    withNames: thread.participants
      .filter((other) => other.party !== p.party)
      .map((other) => other.name)
      .join(", "),
    parties: thread.participants.map((other) => other.party),
    ...(p.mailDueAt ? { mailDueDay: utcDay(p.mailDueAt), mailDueAt: p.mailDueAt } : {}),
  };
}

/**
 * The writes of a thread's change: the thread (created, or replaced on condition its version is as
 * read: ThreadRace), each participant's inbox entry whose projection changed, and the unread summaries of those
 * whose thread went from read to unread or back.
 */
export function threadWrites(t: MessagingTx, before: ThreadRecord | null, after: ThreadRecord) {
  const { studioId } = after;
  const old = new Map((before?.participants ?? []).map((p) => [p.party, p]));
  const threadWrite = before
    ? failsWith(
        t.thread
          .put(after)
          .where((a, op) => op.eq(a.version, before.version))
          .commit(),
        () => new ThreadRace(),
      )
    : failsWith(t.thread.create(after).commit(), () => new ThreadRace());
  const entries = after.participants.flatMap((p) => {
    const entry = inboxEntry(after, p);
    const was = before && old.has(p.party) ? JSON.stringify(inboxEntry(before, old.get(p.party)!)) : null;
    return was === JSON.stringify(entry) ? [] : [t.threadInbox.put(entry).commit()];
  });
  const summaries = after.participants.flatMap((p) => {
    const was = (old.get(p.party)?.unread ?? 0) > 0;
    const is = p.unread > 0;
    return was === is
      ? []
      : [
          t.inboxSummary
            .update({ studioId, party: p.party })
            .add({ unreadThreads: is ? 1 : -1 })
            .commit(),
        ];
  });
  return [threadWrite, ...entries, ...summaries];
}
