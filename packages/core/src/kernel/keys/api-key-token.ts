import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A key as a Bearer token: `ssk_<keyId>_<secret>`, both base64url. */
const TOKEN = /^ssk_([A-Za-z0-9_-]{16})_([A-Za-z0-9_-]{43})$/;

export const isApiKeyToken = (token: string) => token.startsWith("ssk_");

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("base64url");

/** A new key's id, secret and token (the token is shown once; only the secret's hash is kept). */
export function newApiKeyToken(): { keyId: string; secret: string; token: string } {
  const keyId = randomBytes(12).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  return { keyId, secret, token: `ssk_${keyId}_${secret}` };
}

/** The key id and the secret's hash of a well-formed token, or null. */
export function parseApiKeyToken(token: string): { keyId: string; secretHash: string } | null {
  const match = TOKEN.exec(token);
  return match ? { keyId: match[1]!, secretHash: hashSecret(match[2]!) } : null;
}

export const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** How a key is shown after creation: its prefix, enough to tell keys apart. */
export const keyPrefix = (keyId: string) => `ssk_${keyId.slice(0, 6)}…`;
