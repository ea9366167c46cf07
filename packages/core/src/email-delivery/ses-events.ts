import { z } from "zod";
import { markReceipt, readReceiptHeader, RECEIPT_HEADER, type ReceiptEvent } from "../delivery-receipts";
import { KEEP_FAILED_SECONDS, MESSAGE_HEADER, problemKeys, readMessageHeader, type MessageRef } from "../outbox";
import { emailDeliveryDb } from "./email-delivery-db";
import { normalAddress, type UndeliverableReason } from "./undeliverable-address.entity";

/**
 * The parts of an SES event (event publishing through a configuration set: `eventType`; the older
 * identity notifications: `notificationType`) that decide whether an address stops getting mail.
 * See "Contents of event data that Amazon SES publishes to Amazon SNS".
 */
const header = z.object({ name: z.string(), value: z.string() });
const mail = z.object({
  messageId: z.string().optional(),
  timestamp: z.string().optional(),
  headers: z.array(header).optional(),
});
const sesEventSchema = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: mail.optional(),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string().min(3), diagnosticCode: z.string().optional() })),
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(z.object({ emailAddress: z.string().min(3) })),
      complaintFeedbackType: z.string().optional(),
      timestamp: z.string().optional(),
    })
    .optional(),
  delivery: z.object({ timestamp: z.string().optional() }).optional(),
  open: z.object({ timestamp: z.string().optional() }).optional(),
});
export type SesEvent = z.input<typeof sesEventSchema>;

/** What became of one event: the addresses it marked, or why it changed nothing; `receipt` when it moved a tracked copy's receipt. */
export type SesEventOutcome = ({ marked: string[]; message: MessageRef | null } | { ignored: string }) & { receipt?: ReceiptEvent };

const DIAGNOSTIC_LENGTH = 300;
const short = (text: string | undefined) => (text ? text.slice(0, DIAGNOSTIC_LENGTH) : undefined);
const validInstant = (text: string | undefined, fallback: Date) => (text && !Number.isNaN(Date.parse(text)) ? new Date(text) : fallback);

interface Finding {
  reason: UndeliverableReason;
  emails: string[];
  at: Date;
  bounceType?: string;
  bounceSubType?: string;
  diagnostic: (email: string) => string | undefined;
}

/** A permanent bounce or a complaint; transient and undetermined bounces and other events stop nothing. */
function findingOf(event: z.infer<typeof sesEventSchema>, now: Date): Finding | string {
  const type = event.eventType ?? event.notificationType;
  if (type === "Bounce" && event.bounce) {
    const { bounce } = event;
    if (bounce.bounceType !== "Permanent") return `${bounce.bounceType} bounce`;
    const codes = new Map(bounce.bouncedRecipients.map((r) => [normalAddress(r.emailAddress), r.diagnosticCode]));
    return {
      reason: "bounce",
      emails: [...codes.keys()],
      at: validInstant(bounce.timestamp, now),
      bounceType: bounce.bounceType,
      bounceSubType: bounce.bounceSubType,
      diagnostic: (email) => short(codes.get(email) ?? bounce.bounceSubType),
    };
  }
  if (type === "Complaint" && event.complaint) {
    const { complaint } = event;
    return {
      reason: "complaint",
      emails: complaint.complainedRecipients.map((r) => normalAddress(r.emailAddress)),
      at: validInstant(complaint.timestamp, now),
      diagnostic: () => short(complaint.complaintFeedbackType),
    };
  }
  return type ? `${type} event` : "not an SES event";
}

/**
 * Records one SES event (an SNS message's JSON, parsed or not): a permanent bounce or a complaint
 * marks each recipient's address undeliverable, so the outbox stops mailing it, and marks the
 * message that caused it (found by its MESSAGE_HEADER) undeliverable, so its studio's staff see
 * why. A tracked mailing's copy (its RECEIPT_HEADER) has its receipt moved by deliveries, opens,
 * bounces (transient ones too) and complaints. Anything else (transient bounces of untracked mail,
 * deliveries, junk) is ignored and says why. Idempotent:
 * SNS may deliver an event twice. Throws only when DynamoDB does (the event is then retried).
 */
export async function recordSesEvent(notification: unknown, now = new Date()): Promise<SesEventOutcome> {
  let input = notification;
  if (typeof input === "string") {
    try {
      input = JSON.parse(input);
    } catch {
      return { ignored: "not JSON" };
    }
  }
  const parsed = sesEventSchema.safeParse(input);
  if (!parsed.success) return { ignored: "not an SES event" };
  const headerOf = (name: string) => parsed.data.mail?.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
  const message = readMessageHeader(headerOf(MESSAGE_HEADER));
  const receipt = await recordReceipt(parsed.data, message, readReceiptHeader(headerOf(RECEIPT_HEADER)), now);
  const finding = findingOf(parsed.data, now);
  if (typeof finding === "string") return { ignored: finding, ...receipt };

  const { undeliverableAddress, outboxMessage } = emailDeliveryDb().entities;
  const emails = [...new Set(finding.emails)].filter(Boolean);
  await Promise.all(
    emails.map((email) =>
      undeliverableAddress
        .put({
          email,
          reason: finding.reason,
          bounceType: finding.bounceType,
          bounceSubType: finding.bounceSubType,
          diagnostic: finding.diagnostic(email),
          at: finding.at.toISOString(),
          ...(message ?? {}),
        })
        .go(),
    ),
  );
  if (message) {
    try {
      await outboxMessage
        .patch(message)
        .set({
          status: "undeliverable",
          undeliverableReason: finding.reason,
          lastError: finding.diagnostic(emails[0] ?? "") ?? finding.reason,
          ...problemKeys(message.scope, finding.at),
          expiresAt: Math.floor(now.getTime() / 1000) + KEEP_FAILED_SECONDS,
        })
        // Its fate is settled: no consumer still sending it records it sent (deliver-message.ts), nor is it retried.
        .remove(["claimId", "leaseUntil", "retryDay", "retryAt"])
        .go();
    } catch (error) {
      // A message gone by now (its TTL) or never ours: the address is marked all the same.
      const name = (error as { cause?: { name?: string } }).cause?.name ?? (error as { name?: string }).name;
      if (name !== "ConditionalCheckFailedException") throw error;
    }
  }
  return { marked: emails, message, ...receipt };
}

/** What an event means for a tracked copy's receipt (deliveries and opens mean nothing else). */
function receiptEventOf(event: z.infer<typeof sesEventSchema>): { event: ReceiptEvent; at?: string; detail?: string } | null {
  const type = event.eventType ?? event.notificationType;
  if (type === "Delivery") return { event: "delivered", at: event.delivery?.timestamp };
  if (type === "Open") return { event: "opened", at: event.open?.timestamp };
  if (type === "Complaint") return { event: "complained", at: event.complaint?.timestamp, detail: event.complaint?.complaintFeedbackType };
  if (type === "Bounce" && event.bounce) {
    const { bounceType, bounceSubType, bouncedRecipients, timestamp } = event.bounce;
    return { event: "bounced", at: timestamp, detail: short(bouncedRecipients[0]?.diagnosticCode ?? `${bounceType} ${bounceSubType ?? ""}`.trim()) };
  }
  return null;
}

async function recordReceipt(
  event: z.infer<typeof sesEventSchema>,
  message: MessageRef | null,
  ref: ReturnType<typeof readReceiptHeader>,
  now: Date,
): Promise<{ receipt?: ReceiptEvent }> {
  const meaning = receiptEventOf(event);
  if (!message || !ref || !meaning) return {};
  const changed = await markReceipt({ scope: message.scope, ...ref }, meaning.event, validInstant(meaning.at, now), meaning.detail);
  return changed ? { receipt: meaning.event } : {};
}
