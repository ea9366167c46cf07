import { readObject } from "../../files";
import { receiveReply, type InboundMail, type ReplyOutcome } from "./receive-reply";

/** Where received mail is stored, by the SES receipt rule on AWS and the local SMTP server: `inbound/<id>`. */
export const INBOUND_PREFIX = "inbound/";

/**
 * A reply stored in the files bucket (SES receipt rule → S3, then this; the local SMTP server the
 * same): read and handled by receiveReply. A key outside the inbound prefix or a missing object
 * is nothing to do.
 */
export async function receiveStoredReply(key: string, envelope: Omit<InboundMail, "raw">, now = new Date()): Promise<ReplyOutcome | null> {
  if (!key.startsWith(INBOUND_PREFIX) || key.includes("..")) return null;
  const bytes = await readObject(key);
  return bytes ? receiveReply({ ...envelope, raw: Buffer.from(bytes) }, now) : null;
}
