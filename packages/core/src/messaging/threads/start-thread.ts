import { v7 as uuidv7 } from "uuid";
import { commitWrites } from "../../kernel/db/commit-writes";
import { AppError, invalidField } from "../../kernel/errors";
import { itemOf } from "../../kernel/db/read-together";
import { assertMay, loadMemberWith, may, type Actor, type StudioMember } from "../../policy";
import { studentFacts } from "../../people";
import { resolveAttachments, type StoredAttachment } from "../attachments";
import { messagingDb } from "../messaging-db";
import { ownParty, STUDIO_PARTY } from "../parties";
import type { StartThreadInput } from "../schemas";
import type { MESSAGE_SOURCES, ThreadMessageRecord, ThreadParticipant, ThreadRecord } from "../thread.entity";
import type { StudioRecord } from "../../studios/module";
import { threadWrites, withMessage } from "../thread-state";
import { toThread } from "../thread-views";
import { groupParticipants, MAX_PARTICIPANTS, resolveRecipients } from "./recipients";
import { participantOf, signatureOf } from "./writer";

/**
 * Starts a thread with its first message: with people (the recipients rules decide whom a writer
 * may address) or with a band's or a class's members. One transaction writes the thread, the
 * message, every participant's inbox entry and the unread summaries; each recipient with an
 * address is mailed a few minutes later (the message mail job), with a reply address of their own.
 * The answer is the thread as written (no read back).
 */
export async function startThread(actor: Actor, studioId: string, input: StartThreadInput, now = new Date()) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(messagingDb().entities.user, { userId: actor.userId }));
  const party = ownParty(member);
  assertMay(member, "thread.start", { hasProfile: Boolean(party) });
  const writer = party ? await participantOf(studio, party) : null;
  if (!writer) throw new AppError("thread.no_profile", "Your login has no record in this studio");
  if (input.studentId) await assertAbout(studioId, member, input.studentId);
  const [direct, group] = await Promise.all([resolveRecipients(studio, member, input.to), input.group ? groupParticipants(studio, member, input.group) : null]);
  const participants = new Map<string, ThreadParticipant>([[writer.party, writer]]);
  for (const p of [...direct.participants, ...(group?.participants ?? [])]) if (!participants.has(p.party)) participants.set(p.party, p);
  // The studio alone is a note to the office (every owner and admin reads it); anyone else needs someone to read it.
  if (participants.size < 2 && writer.party !== STUDIO_PARTY) throw invalidField(input.group ? "group" : "to", "names no one who can read messages");
  if (participants.size > MAX_PARTICIPANTS) {
    throw invalidField(input.group ? "group" : "to", `names ${participants.size} people; a conversation takes at most ${MAX_PARTICIPANTS}`);
  }
  const attachments = await resolveAttachments(actor, studioId, input.attachments);
  const studentIds = [...new Set([...(input.studentId ? [input.studentId] : []), ...direct.studentIds, ...(group?.studentIds ?? [])])];
  const { thread, message } = await openThread(studio, writer, [...participants.values()], {
    subject: input.subject,
    body: input.body,
    attachments,
    senderName: signatureOf(writer, records[0]?.name, studio),
    senderUserId: actor.userId,
    via: "app",
    studentIds,
    ...(input.group ? { group: input.group } : {}),
    now,
  });
  // The thread as written: nothing to read back.
  return toThread(thread, [message], writer.party, null);
}

/** A new thread's first message and what it is about. */
export interface FirstMessage {
  subject: string;
  body: string;
  attachments: StoredAttachment[];
  senderName: string;
  /** The login that wrote it; none for mail (a reply by email is its address's participant). */
  senderUserId?: string;
  via: (typeof MESSAGE_SOURCES)[number];
  studentIds: string[];
  group?: { kind: "band" | "class"; id: string };
  now: Date;
}

/**
 * Writes a new thread with its first message in one transaction: the thread, the message, every
 * participant's inbox entry and unread summary (the writer among the participants, first).
 */
export async function openThread(studio: StudioRecord, writer: ThreadParticipant, participants: ThreadParticipant[], first: FirstMessage) {
  const at = first.now.toISOString();
  const threadId = uuidv7();
  const empty: ThreadRecord = {
    studioId: studio.studioId,
    threadId,
    subject: first.subject,
    kind: first.group ? "group" : "direct",
    ...(first.group ? { groupKind: first.group.kind, groupId: first.group.id } : {}),
    studentIds: first.studentIds,
    participants,
    lastMessageAt: at,
    lastSenderName: writer.name,
    preview: "",
    messageCount: 0,
    version: 0,
    createdBy: first.senderUserId ?? writer.party,
    createdAt: at,
    updatedAt: at,
  };
  const thread = { ...withMessage(empty, writer, { body: first.body, senderName: first.senderName, at }), version: 1 };
  const message: ThreadMessageRecord = {
    studioId: studio.studioId,
    threadId,
    messageId: uuidv7(),
    senderParty: writer.party,
    senderName: first.senderName,
    ...(first.senderUserId ? { senderUserId: first.senderUserId } : {}),
    body: first.body,
    attachments: first.attachments,
    via: first.via,
    createdAt: at,
    updatedAt: at,
  };
  await commitWrites(messagingDb, (t) => [...threadWrites(t, null, thread), t.threadMessage.create(message).commit()]);
  return { thread, message };
}

/** The student a thread is said to be about must be one the writer sees (422 `studentId` otherwise, as if there were none). */
async function assertAbout(studioId: string, member: StudioMember, studentId: string) {
  const { data } = await messagingDb().entities.student.get({ studioId, studentId }).go();
  if (!data || data.deletedAt || !may(member, "student.view", studentFacts(data))) throw invalidField("studentId", "is no student of yours");
}
