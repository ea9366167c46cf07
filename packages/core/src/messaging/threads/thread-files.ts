import { notFound } from "../../kernel/errors";
import { assertMay, loadStudioMember, type Actor } from "../../policy";
import { attachmentLink, presignAttachment } from "../attachments";
import { messagingDb } from "../messaging-db";
import { ownParty } from "../parties";
import { loadThread } from "./get-thread";

/** A presigned PUT for a file to attach to a message (whoever may write messages here). */
export async function createAttachmentUpload(actor: Actor, studioId: string, input: { name: string; contentType: string; size: number }, now = new Date()) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "thread.start", { hasProfile: Boolean(ownParty(member)) });
  return presignAttachment(studioId, input, now);
}

/** A short-lived link to one file of a message, for whoever may read the thread. */
export async function attachmentDownload(actor: Actor, studioId: string, threadId: string, messageId: string, index: number, now = new Date()) {
  await loadThread(actor, studioId, threadId);
  const { data } = await messagingDb().entities.threadMessage.get({ studioId, threadId, messageId }).go();
  const file = data?.attachments?.[index];
  if (!file) throw notFound("Attachment");
  return attachmentLink(file, now);
}
