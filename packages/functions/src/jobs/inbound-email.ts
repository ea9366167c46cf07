import "../bound-env";
import { INBOUND_PREFIX, receiveStoredReply } from "@studiosync/core/messaging";

type Verdict = { status?: string } | undefined;

/** The part of an SES receipt rule → Lambda event the handler reads (the S3 action before it stored the message). */
export interface SesReceiptEvent {
  Records?: {
    ses?: {
      mail?: { messageId?: string };
      receipt?: { recipients?: string[]; spfVerdict?: Verdict; dkimVerdict?: Verdict; spamVerdict?: Verdict; virusVerdict?: Verdict };
    };
  }[];
}

/**
 * SES receipt rule (the reply domain's MX, stacks/Email.ts): its S3 action stored the raw message at
 * `inbound/<SES message id>`, then this Lambda takes it as a reply by email (core/messaging
 * receiveStoredReply): posted into its thread, or refused with a polite bounce. Locally the SMTP
 * server of `npm start` stores the message the same way and calls this same handler.
 */
export const handler = async (event: SesReceiptEvent) => {
  const records = Array.isArray(event?.Records) ? event.Records : [];
  const outcomes = [];
  for (const record of records) {
    const messageId = record?.ses?.mail?.messageId;
    const receipt = record?.ses?.receipt;
    if (!messageId || !/^[A-Za-z0-9._-]{1,200}$/.test(messageId)) continue;
    const outcome = await receiveStoredReply(`${INBOUND_PREFIX}${messageId}`, {
      recipients: receipt?.recipients ?? [],
      verdicts: {
        spf: receipt?.spfVerdict?.status,
        dkim: receipt?.dkimVerdict?.status,
        spam: receipt?.spamVerdict?.status,
        virus: receipt?.virusVerdict?.status,
      },
    });
    console.log(
      JSON.stringify({
        level: "info",
        message: "reply by email",
        messageId,
        outcome: outcome?.outcome ?? "missing",
        reason: outcome && "reason" in outcome ? outcome.reason : undefined,
      }),
    );
    outcomes.push(outcome);
  }
  return { records: records.length, outcomes };
};
