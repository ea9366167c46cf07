export { awaitMail, extractLink, headerOf, readMail, type SentMail } from "./mailbox";
export { outboxConsumerFor } from "./own-table-outbox";
export { outboxDrained } from "./outbox-drained";
export { sendSmtpReply, type ReplyMail } from "./smtp-reply";
export { testDns } from "./local-dns";
