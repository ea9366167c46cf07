import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import type { LinkPurpose } from "./email-link.entity";
import { derivedKey } from "./keys";

/**
 * The token in an emailed link: `<payload>.<hmac>`. The signature and expiry are checked
 * before any database read; single use is enforced by the EmailLink item.
 */
interface LinkPayload {
  id: string;
  p: LinkPurpose;
  e: number;
}

const mac = (payload: string) => createHmac("sha256", derivedKey("email-link")).update(payload).digest();

export function signLinkToken(linkId: string, purpose: LinkPurpose, expiresAtSeconds: number): string {
  const payload = Buffer.from(JSON.stringify({ id: linkId, p: purpose, e: expiresAtSeconds })).toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

export function readLinkToken(token: string, purpose: LinkPurpose, now = Date.now()): { linkId: string } {
  const invalid = new AppError("invalid_token", "This link is invalid or has expired. Ask for a new one.");
  const [payload, signature] = token.split(".");
  if (!payload || !signature) throw invalid;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  let parsed: LinkPayload;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (parsed.p !== purpose || typeof parsed.id !== "string" || parsed.e * 1000 <= now) throw invalid;
  return { linkId: parsed.id };
}
