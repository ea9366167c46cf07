import { v7 as uuidv7 } from "uuid";
import { commitWrites } from "../../kernel/db/commit-writes";
import { invalidField } from "../../kernel/errors";
import type { StoredAttachment } from "../attachments";
import { messagingDb } from "../messaging-db";
import type { ThreadMessageRecord, ThreadParticipant, ThreadRecord } from "../thread.entity";
import { ThreadRace, threadWrites, withMessage } from "../thread-state";
import { MAX_PARTICIPANTS } from "./recipients";

export interface MessageContent {
  body: string;
  attachments: StoredAttachment[];
  via: "app" | "email";
  /** How the message signs: the participant's name, or "Anna Berg (Harmony Studio)" for the studio. */
  senderName: string;
  senderUserId?: string;
}

/**
 * Adds a message to a thread as `sender`, in ONE transaction: the message, the thread (on condition
 * its version is as read: a lost race is a ThreadRace, rerun from a fresh read), every inbox entry
 * that changed and the unread summaries. The app and replies by email both post through here.
 */
export async function deliverMessage(thread: ThreadRecord, sender: ThreadParticipant, content: MessageContent, now: Date): Promise<ThreadMessageRecord> {
  const at = now.toISOString();
  const after = withMessage(thread, sender, { body: content.body, senderName: content.senderName, at });
  if (after.participants.length > MAX_PARTICIPANTS) {
    throw invalidField("body", `a conversation takes at most ${MAX_PARTICIPANTS} people, and the studio would be one more`);
  }
  const message: ThreadMessageRecord = {
    studioId: thread.studioId,
    threadId: thread.threadId,
    messageId: uuidv7(),
    senderParty: sender.party,
    senderName: content.senderName,
    ...(content.senderUserId ? { senderUserId: content.senderUserId } : {}),
    body: content.body,
    attachments: content.attachments,
    via: content.via,
    createdAt: at,
    updatedAt: at,
  };
  await commitWrites(messagingDb, (t) => [...threadWrites(t, thread, after), t.threadMessage.create(message).commit()], { raced: () => new ThreadRace() });
  return message;
}
