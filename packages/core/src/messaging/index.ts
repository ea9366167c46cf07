/** Conversations: threads with their messages, inboxes and unread counts, mail about new messages and replies by email. */
export { startThread } from "./threads/start-thread";
export { postMessage } from "./threads/post-message";
export { getThread } from "./threads/get-thread";
export { listThreads } from "./threads/list-threads";
export { fileThread } from "./threads/file-thread";
export { attachmentDownload, createAttachmentUpload } from "./threads/thread-files";
export { recipientChoices } from "./threads/recipient-choices";
export { sendMessageMail, type MessageMailRun } from "./mail/send-message-mail";
export { INBOUND_PREFIX, receiveStoredReply } from "./replies/inbound-object";
export { replyDomain } from "../kernel/keys/reply-token";
export { messagingDb } from "./messaging-db";
export * from "./schemas";
export * from "./thread-schemas";
export { cancelAnnouncement, createAnnouncement, previewAnnouncement, testAnnouncement, updateAnnouncement } from "./announcements/compose-announcement";
export { getAnnouncement, listAnnouncements } from "./announcements/read-announcements";
export { sendAnnouncements, type AnnouncementsRun } from "./announcements/run-announcements";
export * from "./announcements/schemas";
export * from "./announcements/views";
