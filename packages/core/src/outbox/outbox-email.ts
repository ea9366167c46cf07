import type { WriteTx } from "../db";
import { frameEmail, type EmailBrand, type RenderedEmail } from "../email";
import { KEEP_SENT_SECONDS, retryKeys, STREAM_GRACE_MS } from "./policy";

/** The mail scope of messages about a login that belongs to no studio (sign-in links, resets). */
export const ACCOUNTS_SCOPE = "accounts";

export interface OutboxEmail {
  /** The studio the message is about, or ACCOUNTS_SCOPE. */
  scope: string;
  /**
   * Deterministic per message: `<flow>#<record>#<recipient>[#<step>]`. The same message enqueued
   * twice (a retried request, a job run twice) is refused by the create's condition.
   */
  messageId: string;
  to: string;
  email: RenderedEmail;
  /** The studio the mail comes from (email/brand.ts); none for mail about a login alone. */
  brand?: EmailBrand;
  /** Where replies go when not to the studio: the teacher, for mail that is theirs. */
  replyTo?: string;
  /** The receipt this copy of a tracked mailing keeps up to date (its scope is the message's). */
  receipt?: { mailing: string; recipient: string };
  /** What the recipient's in-app notification centre shows of it (notifications/record-notices.ts reads it off the stream). */
  notice?: OutboxNotice;
  /**
   * Not to be emailed now (the recipient stopped this type, or gets it in the daily digest): the
   * message is kept `held`, never sent, and only carries its notice.
   */
  hold?: boolean;
}

/** A notice for the notification centre, carried by the message that tells the same (see notifications/notices.ts). */
export interface OutboxNotice {
  /** A notification type (notifications/notification-types.ts). */
  type: string;
  /** What it is about, e.g. `invoice:<id>`: with the type and the local day, what makes two notices one. */
  subject: string;
  /** What the centre shows (the email's subject when left out). */
  title?: string;
  text?: string;
  link?: string;
  /** The studio's name and zone (the local day, the digest's hour). */
  studioName: string;
  zone: string;
}

/** Any transaction whose service has the outbox entity (every module service has it: tenant-entities.ts). */
export type OutboxTx = Pick<WriteTx, "outboxMessage">;

/**
 * The transaction item that enqueues one email next to the change that causes it. The message is
 * rendered and framed (email/frame.ts) before the transaction and stored whole, so the consumer
 * needs nothing else to send it.
 */
export function outboxEmail(tx: OutboxTx, message: OutboxEmail, now = new Date()) {
  const { subject, html, text, fromName, replyTo, headers, calendar } = frameEmail(message.email, message.brand, message.replyTo);
  return tx.outboxMessage
    .create({
      scope: message.scope,
      messageId: message.messageId,
      to: message.to,
      subject,
      html,
      text,
      fromName,
      replyTo,
      headers: headers ? JSON.stringify(headers) : undefined,
      calendarMethod: calendar?.method,
      calendarIcs: calendar?.ics,
      receiptMailing: message.receipt?.mailing,
      receiptRecipient: message.receipt?.recipient,
      notice: message.notice ? JSON.stringify({ ...message.notice, title: message.notice.title ?? subject }) : undefined,
      attempts: 0,
      ...(message.hold
        ? { status: "held" as const, expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SENT_SECONDS }
        : { status: "pending" as const, ...retryKeys(new Date(now.getTime() + STREAM_GRACE_MS)) }),
    })
    .commit();
}

/** The items for several messages; one per messageId (an address listed twice in a flow's recipients is mailed once). */
export function outboxEmails(tx: OutboxTx, messages: readonly OutboxEmail[], now = new Date()) {
  const unique = new Map(messages.map((message) => [message.messageId, message]));
  return [...unique.values()].map((message) => outboxEmail(tx, message, now));
}
