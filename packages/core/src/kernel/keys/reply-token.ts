import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { currentKey, keyRing } from "./key-ring";

/**
 * The domain of reply addresses: its MX is SES receiving on AWS (stacks/inbound-mail.ts), the local
 * SMTP server in `npm start`. Read here rather than in kernel/config.ts, so only the Lambdas that
 * mail or take replies carry it (every API Lambda carries the config). Here in the kernel because
 * both conversations (messaging) and lesson emails (scheduling: reply commands) hand addresses out.
 */
export const replyDomain = () => (process.env.REPLY_DOMAIN || "reply.studiosync.local").toLowerCase();

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const ID_LENGTH = 16;
const MAC_LENGTH = 12;

/** Lower-case base32: mail servers may change the case of a local part, never these letters' meaning. */
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A reply address's id: the same for the same studio, target and participant, so every mail of a thread to one person has one address (80 bits). */
export const replyIdFor = (studioId: string, target: "thread" | "lesson", id: string, party: string) =>
  base32(createHash("sha256").update(`studiosync:reply:${studioId}:${target}:${id}:${party}`).digest()).slice(0, ID_LENGTH);

const macOf = (key: Buffer, replyId: string) => base32(createHmac("sha256", key).update(replyId).digest()).slice(0, MAC_LENGTH);

/** `r-<id>-<mac>@<reply domain>`: 31 characters before the @ (a local part may have 64), signed with the current key. */
export const replyAddressOf = (replyId: string) => `r-${replyId}-${macOf(currentKey("reply-address").key, replyId)}@${replyDomain()}`;

const SHAPE = new RegExp(`^r-([a-z2-7]{${ID_LENGTH}})-([a-z2-7]{${MAC_LENGTH}})$`);

/**
 * The reply id of an address this platform signed (any key still in the ring), or null: another
 * domain, another shape, or a signature that does not match (a tampered or made-up address is
 * refused before anything is read).
 */
export function replyIdOf(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 1 || address.slice(at + 1).toLowerCase() !== replyDomain()) return null;
  const match = SHAPE.exec(address.slice(0, at).toLowerCase());
  if (!match) return null;
  const [, replyId, mac] = match as unknown as [string, string, string];
  const given = Buffer.from(mac);
  return keyRing("reply-address").some(({ key }) => timingSafeEqual(Buffer.from(macOf(key, replyId)), given)) ? replyId : null;
}
