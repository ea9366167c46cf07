import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The site calls the API from its own server, so the platform sees the site's address, not the
 * visitor's. The site forwards the visitor's address in X-Visitor-Ip with an HMAC of it under a
 * key derived from APP_SECRET (which the site and the API share); the API believes the address
 * only when the signature matches. A client cannot forge it, and X-Forwarded-For is never read.
 * No imports from the rest of core: the site imports this file alone.
 */
export const VISITOR_IP_HEADER = "X-Visitor-Ip";
export const VISITOR_IP_SIGNATURE_HEADER = "X-Visitor-Ip-Signature";

/** Longest textual IPv6 address (with an embedded IPv4 part). */
const MAX_IP_LENGTH = 45;

function mac(ip: string, appSecret: string): Buffer {
  const key = createHmac("sha256", appSecret).update("studiosync:visitor-ip").digest();
  return createHmac("sha256", key).update(ip).digest();
}

/** The signature the site sends with a visitor's address. */
export const signVisitorIp = (ip: string, appSecret: string) => mac(ip, appSecret).toString("base64url");

/** The forwarded address when its signature is the canonical one (constant-time); otherwise undefined. */
export function verifiedVisitorIp(ip: string | undefined, signature: string | undefined, appSecret: string): string | undefined {
  if (!ip || !signature || ip.length > MAX_IP_LENGTH || !/^[0-9A-Za-z.:]+$/.test(ip)) return undefined;
  const expected = Buffer.from(signVisitorIp(ip, appSecret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? ip : undefined;
}
