import type { Context } from "hono";

/**
 * The caller's IP, for per-IP rate limits. The site calls the API from its own server, so it
 * forwards the visitor's address as the first X-Forwarded-For entry (API Gateway appends its own
 * peers after it); otherwise the platform's view: API Gateway's sourceIp, or the socket locally.
 * A client can spoof the header, but only to choose which IP bucket counts its own attempts;
 * per-email limits hold regardless. Undefined where nothing is known (in-process test requests).
 */
export function clientIp(c: Context): string | undefined {
  const forwarded = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim();
  if (forwarded && forwarded.length <= 64) return forwarded;
  const env = c.env as
    | { event?: { requestContext?: { http?: { sourceIp?: string } } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? undefined;
}
