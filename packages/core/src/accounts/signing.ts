import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "../config";

/** One key per purpose, derived from APP_SECRET, so a leaked link key cannot mint access tokens. */
type KeyPurpose = "access-token" | "email-link" | "privacy-export";

function hmac(purpose: KeyPurpose, input: string): Buffer {
  const key = createHmac("sha256", config().appSecret).update(`studiosync:${purpose}`).digest();
  return createHmac("sha256", key).update(input).digest();
}

export const encodeJson = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The base64url HMAC-SHA256 of `input` under the purpose's key. */
export const signature = (purpose: KeyPurpose, input: string) => hmac(purpose, input).toString("base64url");

/**
 * The JSON in `payload` when `given` is the signature of `signedPart` (compared in constant time);
 * otherwise null, as for a payload that is not JSON.
 */
export function verifiedJson<T>(purpose: KeyPurpose, signedPart: string, given: string, payload: string): T | null {
  const actual = Buffer.from(given, "base64url");
  const expected = hmac(purpose, signedPart);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}
