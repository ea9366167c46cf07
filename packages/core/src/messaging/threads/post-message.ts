import { itemOf } from "../../kernel/db/read-together";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { resolveAttachments } from "../attachments";
import { messagingDb } from "../messaging-db";
import { speakingParty, takesPart } from "../parties";
import type { PostMessageInput } from "../schemas";
import { withThreadRetry } from "../thread-state";
import { toMessage } from "../thread-views";
import { deliverMessage } from "./deliver-message";
import { studioParticipant } from "./recipients";
import { signatureOf } from "./writer";

/**
 * Answers a thread as the party the member speaks as there (owners and admins as the studio, which
 * joins the thread if it was not in it). Two DynamoDB calls: one BatchGetItem (membership, studio,
 * thread, the writer's name) and one transaction (deliver-message.ts).
 */
export async function postMessage(actor: Actor, studioId: string, threadId: string, input: PostMessageInput, now = new Date()) {
  const attachments = await resolveAttachments(actor, studioId, input.attachments);
  return withThreadRetry(async () => {
    const { thread, user } = messagingDb().entities;
    const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(thread, { studioId, threadId }), itemOf(user, { userId: actor.userId }));
    const [record, writer] = records;
    if (!record) throw hiddenRecord("Thread");
    assertMay(member, "thread.view", { takesPart: takesPart(member, record.participants) });
    const party = speakingParty(member, record.participants);
    if (!party) throw hiddenRecord("Thread");
    const sender = record.participants.find((p) => p.party === party) ?? studioParticipant(studio);
    const senderName = signatureOf(sender, writer?.name, studio);
    const message = await deliverMessage(record, sender, { body: input.body, attachments, via: "app", senderName, senderUserId: actor.userId }, now);
    return toMessage(message, [], party);
  });
}
