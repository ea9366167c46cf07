import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { currentKey, keyRing, keyWithId } from "../../kernel/keys/key-ring";

/**
 * Stored secrets (a studio's Stripe secret key and webhook secret): AES-256-GCM under the
 * stored-secret key of the key ring (keys/key-ring.ts), bound to their studio.
 *
 * "v2.<kid>.<iv>.<ciphertext>.<tag>" (base64url): `kid` names the root key; the studio id is the
 * GCM additional data, so a value copied into another studio's settings does not open there.
 * "v1.<iv>.<ciphertext>.<tag>" (before keys had ids, not bound to a studio) still opens under any
 * key of the ring; saving the Stripe keys again stores them as v2.
 */
const aad = (studioId: string) => Buffer.from(`studiosync:studio:${studioId}`);

/** A fresh random IV each time, so the same secret never stores the same. */
export function sealSecret(plain: string, studioId: string): string {
  const { kid, key } = currentKey("stored-secret");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
  cipher.setAAD(aad(studioId));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v2", kid, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/**
 * The secret `sealSecret` stored for this studio. Throws when the text was altered, sealed for
 * another studio, or sealed under a root no longer in the ring (the GCM tag does not match):
 * never returns a wrong secret.
 */
export function openSecret(sealed: string, studioId: string): string {
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 5) {
    const key = keyWithId("stored-secret", parts[1]!);
    if (!key) throw new Error("Sealed under a key that is no longer in the key ring");
    return open(key, parts.slice(2) as [string, string, string], aad(studioId));
  }
  if (parts[0] === "v1" && parts.length === 4) {
    for (const { key } of keyRing("stored-secret")) {
      try {
        return open(key, parts.slice(1) as [string, string, string]);
      } catch {
        // Sealed under another root of the ring: try the next.
      }
    }
    throw new Error("No key of the key ring opens this sealed secret");
  }
  throw new Error("Not a sealed secret");
}

function open(key: Buffer, [iv, body, tag]: [string, string, string], additionalData?: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
  if (additionalData) decipher.setAAD(additionalData);
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
