import { randomUUID } from "node:crypto";
import { sendEmail, type EmailSender, type RenderedEmail } from "../email";
import { MESSAGE_HEADER, messageHeaderValue } from "./message-header";
import { markReceipt, RECEIPT_HEADER, receiptHeaderValue, type ReceiptEvent } from "../delivery-receipts";
import { normalAddress } from "../email-delivery/module";
import { outboxDb } from "./outbox-db";
import type { OutboxMessageItem, OutboxMessageKey } from "./outbox-message.entity";
import { backoffMs, KEEP_FAILED_SECONDS, KEEP_SENT_SECONDS, LEASE_MS, MAX_ATTEMPTS, problemKeys, retryKeys } from "./policy";

export type DeliveryOutcome = "sent" | "retrying" | "failed" | "undeliverable" | "skipped";

export interface DeliveryOptions {
  now?: Date;
  /** Defaults to SES as configured; tests pass a sender whose endpoint is down. */
  send?: EmailSender;
}

const isConditionalFailure = (error: unknown) => {
  const e = error as { name?: string; cause?: { name?: string } };
  return e?.name === "ConditionalCheckFailedException" || e?.cause?.name === "ConditionalCheckFailedException";
};

/** The email an outbox item holds, as the sender takes it, naming its message for bounce and complaint events. */
function storedEmail(message: OutboxMessageItem): RenderedEmail {
  const { subject, html, text, fromName, replyTo, headers, calendarMethod, calendarIcs, receiptMailing, receiptRecipient } = message;
  const receipt: Record<string, string> =
    receiptMailing && receiptRecipient ? { [RECEIPT_HEADER]: receiptHeaderValue({ mailing: receiptMailing, recipient: receiptRecipient }) } : {};
  return {
    subject,
    html,
    text,
    fromName,
    replyTo,
    headers: { ...(headers ? (JSON.parse(headers) as Record<string, string>) : {}), [MESSAGE_HEADER]: messageHeaderValue(message), ...receipt },
    calendar: calendarMethod && calendarIcs ? { method: calendarMethod, ics: calendarIcs } : undefined,
  };
}

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** Moves a tracked copy's receipt along with the message (nothing for untracked mail). */
async function receiptOf(message: OutboxMessageItem, event: ReceiptEvent, at: Date, detail?: string) {
  if (!message.receiptMailing || !message.receiptRecipient) return;
  await markReceipt({ scope: message.scope, mailing: message.receiptMailing, recipient: message.receiptRecipient }, event, at, detail);
}

/**
 * Claims one message (pending and due, or a `sending` whose lease ran out) with a conditional
 * update, so of two consumers running it at once only one sends. The claim counts the attempt
 * and keys the message for the retry job at the lease's end, in case this consumer dies.
 */
async function claim(key: OutboxMessageKey, now: Date) {
  const claimId: string = randomUUID();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const at = now.toISOString();
  try {
    const { data } = await outboxDb()
      .entities.outboxMessage.patch(key)
      .set({ status: "sending", claimId, leaseUntil: leaseUntil.toISOString(), ...retryKeys(leaseUntil) })
      .add({ attempts: 1 })
      .where(
        (a, op) =>
          `(${op.eq(a.status, "pending")} AND (${op.eq(a.attempts, 0)} OR ${op.lte(a.retryAt, at)})) OR (${op.eq(a.status, "sending")} AND ${op.lte(a.leaseUntil, at)})`,
      )
      .go({ response: "all_new" });
    return { claimId, message: data };
  } catch (error) {
    if (isConditionalFailure(error)) return null;
    throw error;
  }
}

/**
 * Sends one outbox message at most once: claim, check the address, send, record. A message to an
 * address that bounced for good or complained (email-delivery/) is not sent but marked
 * `undeliverable`, so every flow stops mailing it. A sent message is never claimed
 * again; a failed send is recorded (attempts, lastError) and keyed for the retry job after a
 * backoff, or marked `failed` after MAX_ATTEMPTS. Only a consumer that dies between SES accepting
 * the mail and recording it can cause a second send (after the lease), the one case SES gives no
 * way to rule out.
 */
export async function deliverOutboxMessage(key: OutboxMessageKey, options: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const claimed = await claim(key, now);
  if (!claimed) return "skipped";
  const { claimId, message } = claimed;
  const { outboxMessage, undeliverableAddress } = outboxDb().entities;
  const { data: stopped } = await undeliverableAddress.get({ email: normalAddress(message.to) }).go();
  if (stopped) {
    await outboxMessage
      .patch(key)
      .set({
        status: "undeliverable",
        undeliverableReason: stopped.reason,
        lastError: stopped.diagnostic ?? stopped.reason,
        ...problemKeys(key.scope, now),
        expiresAt: epochSeconds(now) + KEEP_FAILED_SECONDS,
      })
      .remove(["claimId", "leaseUntil", "retryDay", "retryAt"])
      .where((a, op) => op.eq(a.claimId, claimId))
      .go();
    await receiptOf(message, "suppressed", now, `This address ${stopped.reason === "complaint" ? "complained about" : "bounced"} earlier mail`);
    return "undeliverable";
  }
  try {
    await (options.send ?? sendEmail)(message.to, storedEmail(message));
  } catch (error) {
    const failedFor = message.attempts >= MAX_ATTEMPTS;
    const lastError = String(error).slice(0, 1_000);
    if (failedFor) {
      await outboxMessage
        .patch(key)
        .set({ status: "failed", lastError, failedAt: now.toISOString(), ...problemKeys(key.scope, now), expiresAt: epochSeconds(now) + KEEP_FAILED_SECONDS })
        .remove(["claimId", "leaseUntil", "retryDay", "retryAt"])
        .where((a, op) => op.eq(a.claimId, claimId))
        .go();
    } else {
      await outboxMessage
        .patch(key)
        .set({ status: "pending", lastError, ...retryKeys(new Date(now.getTime() + backoffMs(message.attempts))) })
        .remove(["claimId", "leaseUntil"])
        .where((a, op) => op.eq(a.claimId, claimId))
        .go();
    }
    if (failedFor) await receiptOf(message, "failed", now, lastError);
    console.error(JSON.stringify({ level: "error", message: "outbox email failed", key, attempts: message.attempts, final: failedFor, error: lastError }));
    return failedFor ? "failed" : "retrying";
  }
  try {
    await outboxMessage
      .patch(key)
      .set({ status: "sent", sentAt: new Date().toISOString(), expiresAt: epochSeconds(now) + KEEP_SENT_SECONDS })
      .remove(["claimId", "leaseUntil", "retryDay", "retryAt"])
      .where((a, op) => op.eq(a.claimId, claimId))
      .go();
  } catch (error) {
    // Our claim is gone: a bounce or complaint of this very mail arrived first and recorded the
    // message undeliverable (email-delivery/ses-events.ts), or a consumer took over a lapsed lease.
    if (!isConditionalFailure(error)) throw error;
  }
  await receiptOf(message, "sent", now);
  return "sent";
}
