import { AppError } from "../errors";
import type { LinkPurpose } from "./email-link.entity";
import { encodeJson, signature, verifiedJson } from "./signing";

/**
 * The token in an emailed link: `<payload>.<hmac>`. The signature and expiry are checked
 * before any database read; single use is enforced by the EmailLink item.
 */
interface LinkPayload {
  id: string;
  p: LinkPurpose;
  e: number;
}

export function signLinkToken(linkId: string, purpose: LinkPurpose, expiresAtSeconds: number): string {
  const payload = encodeJson({ id: linkId, p: purpose, e: expiresAtSeconds });
  return `${payload}.${signature("email-link", payload)}`;
}

export function readLinkToken(token: string, purpose: LinkPurpose, now = Date.now()): { linkId: string } {
  const [payload, given] = token.split(".");
  const parsed = payload && given ? verifiedJson<LinkPayload>("email-link", payload, given, payload) : null;
  if (!parsed || parsed.p !== purpose || typeof parsed.id !== "string" || parsed.e * 1000 <= now) {
    throw new AppError("invalid_token", "This link is invalid or has expired. Ask for a new one.");
  }
  return { linkId: parsed.id };
}
