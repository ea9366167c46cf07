import { createHmac, timingSafeEqual } from "node:crypto";

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Unpadded base64url in its one canonical spelling: decoding and encoding again gives the same text. */
export const isCanonicalBase64url = (segment: string) => BASE64URL.test(segment) && Buffer.from(segment, "base64url").toString("base64url") === segment;

/**
 * The dot-separated segments of a token when there are exactly `count` of them and each is
 * canonical base64url; otherwise null. (So `<token>.x`, a stray `=` or a junk character never verify.)
 */
export function strictSegments(token: string, count: number): string[] | null {
  const segments = token.split(".");
  return segments.length === count && segments.every(isCanonicalBase64url) ? segments : null;
}

export const encodeJson = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The JSON object in a base64url segment, or null when it is not one. */
export function decodeJson<T extends object>(segment: string): Partial<T> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Partial<T>) : null;
  } catch {
    return null;
  }
}

/** The base64url HMAC-SHA256 of `input`. */
export const hmacSignature = (key: Buffer, input: string) => createHmac("sha256", key).update(input).digest("base64url");

/** Whether `given` is exactly the canonical signature of `input` under `key`, compared in constant time. */
export function signatureMatches(key: Buffer, input: string, given: string): boolean {
  const expected = Buffer.from(hmacSignature(key, input));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
