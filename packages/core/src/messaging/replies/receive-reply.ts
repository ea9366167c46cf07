import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { putObject } from "../../files";
import { commitWrites } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { emailBrand, replyRefusedMessage, type ReplyRefusal } from "../../email";
import { ACCOUNTS_SCOPE, outboxEmail } from "../../outbox";
import { claimWithinLimit, counterKey, LIMITS } from "../../rate-limit";
import type { StudioRecord } from "../../studios/module";
import { MAX_ATTACHMENT_BYTES, newAttachmentKey, type StoredAttachment } from "../attachments";
import { messagingDb } from "../messaging-db";
import { STUDIO_PARTY } from "../parties";
import type { ReplyAddressRecord } from "../reply-address.entity";
import { withThreadRetry } from "../thread-state";
import { deliverMessage } from "../threads/deliver-message";
import { replyIdOf } from "../../kernel/keys/reply-token";
import { stripReply } from "./strip-reply";
import { answerLessonReply, type LessonReplyOutcome } from "./lesson-reply";

/** What the receiving side (SES on AWS, the local SMTP server) tells about a message besides its bytes. */
export interface InboundMail {
  raw: Buffer;
  /** The envelope's recipients (RCPT TO), which may differ from the To header. */
  recipients?: string[];
  /** SES receipt verdicts: "PASS", "FAIL", "GRAY", "PROCESSING_FAILED"; none locally. */
  verdicts?: { spf?: string; dkim?: string; spam?: string; virus?: string };
}

export type ReplyOutcome =
  | { outcome: "posted"; studioId: string; threadId: string; messageId?: string; party: string }
  /** A reply to a lesson's email (reply commands, lesson-reply.ts). */
  | Exclude<LessonReplyOutcome, { outcome: "posted" }>
  | { outcome: "refused"; reason: ReplyRefusal; bounced: boolean }
  /** Automatic mail (out-of-office, bounces): neither posted nor answered, so no two robots write to each other forever. */
  | { outcome: "ignored"; reason: "automatic" };

const MAX_FILES = 10;

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) => group.value.flatMap((a) => (a.address ? [a.address.toLowerCase()] : [])));

/** Auto-Submitted (RFC 3834), Precedence and the usual autoresponder headers; a null return path (a bounce). */
function isAutomatic(mail: ParsedMail): boolean {
  const header = (name: string) => String(mail.headers.get(name) ?? "").toLowerCase();
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return true;
  if (["bulk", "junk", "list", "auto_reply"].includes(header("precedence"))) return true;
  if (mail.headers.has("x-autoreply") || mail.headers.has("x-autorespond") || mail.headers.has("list-id")) return true;
  const returnPath = header("return-path");
  return returnPath === "<>" || /mailer-daemon|postmaster/i.test(addresses(mail.from)[0] ?? "");
}

const failed = (verdict?: string) => verdict !== undefined && verdict.toUpperCase() === "FAIL";

/**
 * A reply by email: posted into its thread as the participant the address was given to (a reply
 * to a lesson's email is read as a command first: lesson-reply.ts), or refused with a polite
 * bounce and never posted. Taken only when the address is one this platform
 * signed (kernel/keys/reply-token.ts), still valid and not revoked, the sender is the address it was
 * mailed to, and SES found no SPF or DKIM failure. The quoted history and the signature are cut
 * (strip-reply.ts); attachments are stored under the studio's message prefix and become the
 * message's files. Automatic mail is ignored.
 */
export async function receiveReply(mail: InboundMail, now = new Date()): Promise<ReplyOutcome> {
  const parsed = await simpleParser(mail.raw);
  if (isAutomatic(parsed)) return { outcome: "ignored", reason: "automatic" };
  const from = addresses(parsed.from)[0];
  const subject = (parsed.subject ?? "").slice(0, 200);
  const candidates = [...(mail.recipients ?? []).map((r) => r.toLowerCase()), ...addresses(parsed.to), ...addresses(parsed.cc)];
  const replyId = candidates.map(replyIdOf).find((id): id is string => id !== null);
  const refuse = (reason: ReplyRefusal, studio?: StudioRecord | null) => bounce(reason, from, subject, parsed.messageId ?? "", studio ?? null, now);
  if (!replyId) return refuse("unknown");
  const { replyAddress, studio: studios } = messagingDb().entities;
  const [address] = await readTogether(itemOf(replyAddress, { replyId }));
  if (!address) return refuse("unknown");
  const [studio] = await readTogether(itemOf(studios, { studioId: address.studioId }));
  if (!studio || studio.deletedAt || address.revokedAt || address.validUntil < now.toISOString()) return refuse("expired", studio);
  if (!from || from !== address.email) return refuse("sender", studio);
  if (failed(mail.verdicts?.spf) || failed(mail.verdicts?.dkim) || failed(mail.verdicts?.virus)) return refuse("unverified", studio);
  const files = parsed.attachments.filter((a) => a.contentDisposition !== "inline" || !a.related);
  if (files.length > MAX_FILES || files.some((f) => f.size > MAX_ATTACHMENT_BYTES)) return refuse("too_large", studio);
  const body = stripReply(parsed.text ?? "");
  if (!body && files.length === 0) return refuse("empty", studio);
  const attachments = await storeAttachments(address.studioId, files);
  const post = (threadId: string) => postReply(studio, address, threadId, body || "(attachments)", attachments, now);
  if (address.target === "lesson" && address.lessonId) return answerLessonReply(studio, address, { body, subject, attachments }, now, post);
  if (!address.threadId) return refuse("unknown", studio);
  const posted = await post(address.threadId);
  return posted ?? refuse("expired", studio);
}

/** A reply's files, stored under the studio's message prefix (they become the message's files). */
async function storeAttachments(studioId: string, files: ParsedMail["attachments"]): Promise<StoredAttachment[]> {
  const attachments: StoredAttachment[] = [];
  for (const file of files) {
    const name = file.filename || "attachment";
    const key = newAttachmentKey(studioId, name);
    await putObject(key, file.content, file.contentType || "application/octet-stream");
    attachments.push({ key, name, contentType: file.contentType || "application/octet-stream", size: file.size });
  }
  return attachments;
}

/** Posts a reply into a thread as the address's participant; null when the thread or the participant is gone. */
async function postReply(studio: StudioRecord, address: ReplyAddressRecord, threadId: string, body: string, attachments: StoredAttachment[], now: Date) {
  const { studioId, party } = address;
  const posted = await withThreadRetry(async () => {
    const [thread] = await readTogether(itemOf(messagingDb().entities.thread, { studioId, threadId }));
    const sender = thread?.participants.find((p) => p.party === party);
    if (!thread || !sender) return null;
    const senderName = party === STUDIO_PARTY ? studio.name : sender.name;
    return deliverMessage(thread, sender, { body, attachments, via: "email", senderName }, now);
  });
  return posted ? { outcome: "posted" as const, studioId, threadId, messageId: posted.messageId, party } : null;
}

/**
 * The polite bounce, through the outbox (one per refused message: its id is from the message's
 * Message-ID), at most a few an hour to one address, and never to an address that is not one.
 */
async function bounce(
  reason: ReplyRefusal,
  to: string | undefined,
  subject: string,
  messageId: string,
  studio: StudioRecord | null,
  now: Date,
): Promise<ReplyOutcome> {
  if (!to || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)) return { outcome: "refused", reason, bounced: false };
  try {
    await claimWithinLimit(counterKey(LIMITS.replyBouncesPerAddress, to, now.getTime()), undefined, now.getTime());
  } catch {
    return { outcome: "refused", reason, bounced: false };
  }
  const id = createHash("sha256")
    .update(`${to}\n${messageId || subject}\n${now.toISOString().slice(0, 13)}`)
    .digest("base64url")
    .slice(0, 24);
  await commitWrites(messagingDb, (t) => [
    outboxEmail(
      t,
      {
        scope: studio?.studioId ?? ACCOUNTS_SCOPE,
        messageId: `reply-refused#${id}#${to}`,
        to,
        ...(studio ? { brand: emailBrand(studio) } : {}),
        email: replyRefusedMessage({ reason, subject }),
      },
      now,
    ),
  ]).catch(() => undefined);
  return { outcome: "refused", reason, bounced: true };
}
