import { AppError } from "../kernel/errors";
import { openPayload, signPayload } from "../kernel/keys/signed-payload";
import type { LinkPurpose } from "./email-link.entity";

/**
 * The token in an emailed link (keys/signed-payload.ts). The signature and expiry are checked
 * before any database read; single use is enforced by the EmailLink item.
 */
interface LinkPayload {
  id: string;
  p: LinkPurpose;
  e: number;
}

export function signLinkToken(linkId: string, purpose: LinkPurpose, expiresAtSeconds: number): string {
  return signPayload("email-link", { id: linkId, p: purpose, e: expiresAtSeconds } satisfies LinkPayload);
}

export function readLinkToken(token: string, purpose: LinkPurpose, now = Date.now()): { linkId: string } {
  const parsed = openPayload<LinkPayload>("email-link", token);
  if (!parsed || parsed.p !== purpose || typeof parsed.id !== "string" || typeof parsed.e !== "number" || parsed.e * 1000 <= now) {
    throw new AppError("invalid_token", "This link is invalid or has expired. Ask for a new one.");
  }
  return { linkId: parsed.id };
}
