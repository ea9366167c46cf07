import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { config } from "../../config";

const VERSION = "v1";

/** The AES-256 key for stored secrets: derived from APP_SECRET for this one purpose (like accounts/signing.ts). */
const key = () => createHmac("sha256", config().appSecret).update("studiosync:stored-secret").digest();

/**
 * Encrypts a secret for storage (a studio's Stripe secret key and webhook secret) with
 * AES-256-GCM under a key derived from APP_SECRET: "v1.<iv>.<ciphertext>.<tag>", base64url.
 * A fresh random IV each time, so the same secret never stores the same.
 */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/**
 * The secret `sealSecret` stored. Throws when the text was altered or sealed under another
 * APP_SECRET (the GCM tag does not match): never returns a wrong secret.
 */
export function openSecret(sealed: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || body === undefined || !tag) throw new Error("Not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"), { authTagLength: 16 });
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
