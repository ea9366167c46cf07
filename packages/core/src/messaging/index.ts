/** Conversations: threads with their messages, inboxes and unread counts, mail about new messages and replies by email. */
export { startThread } from "./threads/start-thread";
export { postMessage } from "./threads/post-message";
export { getThread } from "./threads/get-thread";
export { listThreads } from "./threads/list-threads";
export { fileThread } from "./threads/file-thread";
export { attachmentDownload, createAttachmentUpload } from "./threads/thread-files";
export { recipientChoices } from "./threads/recipient-choices";
export { sendMessageMail, MESSAGE_MAIL_JOB, type MessageMailRun } from "./mail/send-message-mail";
export { receiveReply, type InboundMail, type ReplyOutcome } from "./replies/receive-reply";
export { INBOUND_PREFIX, receiveStoredReply } from "./replies/inbound-object";
export { stripReply } from "./replies/strip-reply";
export { replyAddressOf, replyDomain, replyIdFor, replyIdOf } from "./replies/reply-token";
export { MAIL_DELAY_MS } from "./thread-state";
export { MAX_PARTICIPANTS } from "./threads/recipients";
export { STUDIO_PARTY, memberParties, parseParty } from "./parties";
export { messagingDb, messagingEntities, type MessagingTx } from "./messaging-db";
export * from "./schemas";
export * from "./thread-schemas";
