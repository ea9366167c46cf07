import type { WriteTx } from "../db";
import { frameEmail, type EmailBrand, type RenderedEmail } from "../email";
import { retryKeys, STREAM_GRACE_MS } from "./policy";

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
      status: "pending",
      attempts: 0,
      ...retryKeys(new Date(now.getTime() + STREAM_GRACE_MS)),
    })
    .commit();
}

/** The items for several messages; one per messageId (an address listed twice in a flow's recipients is mailed once). */
export function outboxEmails(tx: OutboxTx, messages: readonly OutboxEmail[], now = new Date()) {
  const unique = new Map(messages.map((message) => [message.messageId, message]));
  return [...unique.values()].map((message) => outboxEmail(tx, message, now));
}
