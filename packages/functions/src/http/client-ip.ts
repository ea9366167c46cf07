import type { Context } from "hono";

/**
 * The caller's IP as the platform saw it (API Gateway's sourceIp on Lambda, the socket locally),
 * never a client-supplied header. Undefined where unknown, e.g. in-process test requests.
 */
export function clientIp(c: Context): string | undefined {
  const env = c.env as
    | { event?: { requestContext?: { http?: { sourceIp?: string } } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? undefined;
}
