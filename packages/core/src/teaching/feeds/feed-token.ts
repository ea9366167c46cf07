import { createHash, randomBytes } from "node:crypto";

/**
 * A feed URL's secret: 32 random bytes (base64url, 43 characters). Only its SHA-256 is stored,
 * so a database read alone cannot rebuild a working URL (like refresh tokens).
 */
export function newFeedToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashFeedToken(token) };
}

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Whether a string has the shape of a feed token (checked before any read). */
export const isFeedToken = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

/** The public subscription URL: `<API base>/v1/calendar/<token>.ics`. */
export const feedUrl = (apiBaseUrl: string, token: string) => `${apiBaseUrl.replace(/\/$/, "")}/v1/calendar/${token}.ics`;
