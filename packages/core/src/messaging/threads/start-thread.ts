import { v7 as uuidv7 } from "uuid";
import { commitWrites } from "../../kernel/db/commit-writes";
import { AppError, invalidField } from "../../kernel/errors";
import { itemOf } from "../../kernel/db/read-together";
import { assertMay, loadMemberWith, may, type Actor, type StudioMember } from "../../policy";
import { studentFacts } from "../../people";
import { resolveAttachments } from "../attachments";
import { messagingDb } from "../messaging-db";
import { ownParty, STUDIO_PARTY } from "../parties";
import type { StartThreadInput } from "../schemas";
import type { ThreadMessageRecord, ThreadParticipant, ThreadRecord } from "../thread.entity";
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
  const at = now.toISOString();
  const threadId = uuidv7();
  const studentIds = [...new Set([...(input.studentId ? [input.studentId] : []), ...direct.studentIds, ...(group?.studentIds ?? [])])];
  const empty: ThreadRecord = {
    studioId,
    threadId,
    subject: input.subject,
    kind: input.group ? "group" : "direct",
    ...(input.group ? { groupKind: input.group.kind, groupId: input.group.id } : {}),
    studentIds,
    participants: [...participants.values()],
    lastMessageAt: at,
    lastSenderName: writer.name,
    preview: "",
    messageCount: 0,
    version: 0,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  const senderName = signatureOf(writer, records[0]?.name, studio);
  const thread = { ...withMessage(empty, writer, { body: input.body, senderName, at }), version: 1 };
  const message: ThreadMessageRecord = {
    studioId,
    threadId,
    messageId: uuidv7(),
    senderParty: writer.party,
    senderName,
    senderUserId: actor.userId,
    body: input.body,
    attachments,
    via: "app",
    createdAt: at,
    updatedAt: at,
  };
  await commitWrites(messagingDb, (t) => [...threadWrites(t, null, thread), t.threadMessage.create(message).commit()]);
  // The thread as written: nothing to read back.
  return toThread(thread, [message], writer.party, null);
}

/** The student a thread is said to be about must be one the writer sees (422 `studentId` otherwise, as if there were none). */
async function assertAbout(studioId: string, member: StudioMember, studentId: string) {
  const { data } = await messagingDb().entities.student.get({ studioId, studentId }).go();
  if (!data || data.deletedAt || !may(member, "student.view", studentFacts(data))) throw invalidField("studentId", "is no student of yours");
}
